// say: the words the till speaks when a payment is paid (or a refund done), and their audio as WAV.
import { writeFileSync } from 'node:fs';
import { LANGUAGES, type Language, WALLETS, type Wallet } from '../../../shared/domain.ts';
import { parseAmount } from '../../../shared/money.ts';
import { announcement } from '../../../shared/speech/announcement.ts';
import { encodeWav, joinClips } from '../../../shared/speech/wav.ts';
import { parseFlags } from '../cli-support.ts';
import { readClips } from '../speech-clips.ts';

export const summary =
  'the spoken "paid": --amount 23.45 --wallet WECHATPAY --lang zh|en|fr [--out FILE.wav]';

const USAGE = `usage: npm run --silent cli -- say --amount 23.45 --wallet WECHATPAY|ALIPAY|UNIONPAY --lang zh|en|fr [--out FILE.wav] [--refund] [--currency CAD|USD]
Prints the sentence the till speaks on one line; with --out, also writes it as a WAV file (16-bit mono).`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseFlags(args, {
    amount: { type: 'string' },
    wallet: { type: 'string' },
    lang: { type: 'string' },
    out: { type: 'string' },
    currency: { type: 'string' },
    refund: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if ('error' in parsed) return usageError(parsed.error);
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const amount = parseAmount(typeof v.amount === 'string' ? v.amount : '');
  if (!amount.ok) return usageError(`--amount: ${amount.reason}`);
  const wallet = String(v.wallet ?? '').toUpperCase();
  if (!(WALLETS as readonly string[]).includes(wallet))
    return usageError('--wallet must be WECHATPAY, ALIPAY or UNIONPAY');
  const lang = String(v.lang ?? '');
  if (!(LANGUAGES as readonly string[]).includes(lang)) return usageError('--lang must be zh, en or fr');
  const currency = String(v.currency ?? 'CAD').toUpperCase();
  if (currency !== 'CAD' && currency !== 'USD') return usageError('--currency must be CAD or USD');
  const said = announcement(
    v.refund ? 'refund' : 'paid',
    wallet as Wallet,
    amount.cents,
    currency,
    lang as Language,
  );
  if (typeof v.out === 'string') {
    const { table, samples } = readClips(lang as Language);
    writeFileSync(v.out, encodeWav(joinClips(table, samples, said.clips), table.sampleRate));
  }
  process.stdout.write(`${said.sentence}\n`);
  return 0;
}

function usageError(message: string): number {
  process.stderr.write(`${message}\n${USAGE}\n`);
  return 2;
}

// `npm run --silent cli -- pos pay --url URL --key KEY --amount 12.34 --method WECHATPAY [--reference R]`:
// the example POS client, and a way for IT to test a till's POS API. Prints the QR link (or that the
// till waits for the customer's code), then each state until the payment ends. Exit 0 when paid.
import { randomBytes } from 'node:crypto';
import { parseAmount } from '../../../shared/money.ts';
import { describeError, parseFlags } from '../cli-support.ts';
import { posHttp } from '../pos-http.ts';

export const summary = 'pos pay: pay through a till’s local POS API and wait for the outcome';

const USAGE = `usage: npm run --silent cli -- pos pay --url URL --key KEY --amount 12.34 --method WECHATPAY|ALIPAY|UNIONPAY|SCAN
         [--reference R] [--tip 1.50] [--idempotency-key K] [--fingerprint SHA256 (https tills)]
`;
const FINAL = new Set(['paid', 'failed', 'cancelled']);

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'pay') {
    process.stderr.write(USAGE);
    return 2;
  }
  const flags = parseFlags(rest, {
    url: { type: 'string' },
    key: { type: 'string' },
    amount: { type: 'string' },
    tip: { type: 'string' },
    method: { type: 'string' },
    reference: { type: 'string' },
    'idempotency-key': { type: 'string' },
    fingerprint: { type: 'string' },
  });
  if ('error' in flags) {
    process.stderr.write(`pos pay: ${flags.error}\n${USAGE}`);
    return 2;
  }
  const v = flags.values;
  const key = typeof v.key === 'string' ? v.key : process.env.TILL_POS_API_KEY;
  const amount = parseAmount(String(v.amount ?? ''));
  const tip = v.tip === undefined ? { ok: true as const, cents: 0 } : parseAmount(String(v.tip));
  const method = String(v.method ?? '');
  if (
    typeof v.url !== 'string' ||
    !key ||
    !amount.ok ||
    !tip.ok ||
    !/^(WECHATPAY|ALIPAY|UNIONPAY|SCAN)$/.test(method)
  ) {
    const why = !amount.ok
      ? `--amount: ${amount.reason}`
      : !tip.ok
        ? `--tip: ${tip.reason}`
        : 'give --url, --key, --amount and --method';
    process.stderr.write(`pos pay: ${why}\n${USAGE}`);
    return 2;
  }
  const idem =
    typeof v['idempotency-key'] === 'string'
      ? v['idempotency-key']
      : `cli-${randomBytes(9).toString('base64url')}`;
  try {
    const http = await posHttp(v.url, key, typeof v.fingerprint === 'string' ? v.fingerprint : null);
    const body = {
      amountCents: amount.cents,
      ...(tip.cents > 0 ? { tipCents: tip.cents } : {}),
      method,
      ...(typeof v.reference === 'string' ? { reference: v.reference } : {}),
    };
    const created = await http.call('POST', '/v1/payments', body, { 'Idempotency-Key': idem });
    if (created.status === 401) {
      process.stderr.write('pos pay: the till refused the key (401)\n');
      return 1;
    }
    if (created.status !== 201 && created.status !== 200) {
      const e = created.body ?? {};
      process.stderr.write(
        `pos pay: ${created.status} ${String(e.error ?? '')}${e.field ? ` (${String(e.field)})` : ''}${e.message ? `: ${String(e.message)}` : ''}\n`,
      );
      return 1;
    }
    let p = created.body ?? {};
    process.stdout.write(`payment ${String(p.id)} (idempotency key ${idem})\n`);
    if (typeof p.codeUrl === 'string') process.stdout.write(`qr ${p.codeUrl}\n`);
    else if (method === 'SCAN') process.stdout.write('waiting for the customer’s payment code at the till\n');
    let last = '';
    for (;;) {
      const state = String(p.state);
      if (state !== last) {
        process.stdout.write(
          `state ${state}${state === 'checking' ? ' (outcome not known yet: still resolving)' : ''}\n`,
        );
        last = state;
      }
      if (FINAL.has(state)) break;
      const next = await http.call('GET', `/v1/payments/${String(p.id)}?wait=30`);
      if (next.status !== 200) {
        process.stderr.write(`pos pay: the till answered ${next.status} while waiting\n`);
        return 1;
      }
      p = next.body ?? {};
    }
    if (p.state === 'paid') {
      process.stdout.write(`paid ${String(p.walletTxnId ?? '')}\n`);
      return 0;
    }
    const failure = p.failure as { code?: string; message?: string } | null;
    if (failure) process.stdout.write(`${failure.code}: ${failure.message}\n`);
    return 1;
  } catch (err) {
    process.stderr.write(`pos pay: ${describeError(err).replace(/^error: /, '')}\n`);
    return 1;
  }
}

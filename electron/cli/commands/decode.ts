// decode: open one OTTPay envelope (request, response or call-back) and verify its md5.

import { openData } from '../../core/gateway/envelope.ts';
import { oneLine, parseFlags, printJson, readStdin } from '../cli-support.ts';

export const summary = 'decrypt and verify one envelope read as JSON on stdin (--sign-key KEY)';

const USAGE = `usage: npm run --silent cli -- decode --sign-key KEY < envelope.json
Reads one envelope ({ …, "data": "…", "md5": "…" }) on stdin. Prints the decrypted data as JSON and
exits 0 when the md5 verifies; otherwise exits 1 with the reason on stderr. The key may also come from
OTTPAY_SIGN_KEY.`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseFlags(args, { 'sign-key': { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if ('error' in parsed) {
    process.stderr.write(`${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const signKey =
    typeof parsed.values['sign-key'] === 'string' ? parsed.values['sign-key'] : process.env.OTTPAY_SIGN_KEY;
  if (!signKey) {
    process.stderr.write(`--sign-key is required\n${USAGE}\n`);
    return 2;
  }
  const reason = await decode(signKey);
  if (reason === null) return 0;
  process.stderr.write(`${oneLine(reason)}\n`);
  return 1;
}

/** Prints the data and returns null, or returns why the envelope is refused. */
async function decode(signKey: string): Promise<string | null> {
  let text: string;
  try {
    text = await readStdin();
  } catch (err) {
    return err instanceof Error ? err.message : 'cannot read stdin';
  }
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    return text.trim() === '' ? 'no input: pipe one envelope as JSON on stdin' : 'input is not valid JSON';
  }
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
    return 'input is not a JSON object';
  }
  const opened = openData(envelope as { md5?: unknown; data?: unknown }, signKey);
  if (!opened.ok) return `rejected: ${opened.reason}`;
  printJson(opened.data);
  return null;
}

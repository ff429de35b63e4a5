// encode: seal data read as JSON on stdin into a request envelope, as the till would send it.

import { sealData } from '../../core/gateway/envelope.ts';
import { oneLine, parseFlags, readStdin } from '../cli-support.ts';

export const summary =
  'seal data JSON from stdin into an envelope (--sign-key KEY --action A --merchant-id ID)';

const USAGE = `usage: npm run --silent cli -- encode --sign-key KEY --action ACTION --merchant-id ID
       [--version 1.0] [--operator-id ID] [--terminal-no NO] < data.json
Reads a flat JSON object of strings on stdin and prints the request envelope as one line of JSON.
The key may also come from OTTPAY_SIGN_KEY.`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseFlags(args, {
    'sign-key': { type: 'string' },
    action: { type: 'string' },
    'merchant-id': { type: 'string' },
    version: { type: 'string' },
    'operator-id': { type: 'string' },
    'terminal-no': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if ('error' in parsed) {
    process.stderr.write(`${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const text = (name: string) =>
    typeof values[name] === 'string' && values[name] !== '' ? values[name] : undefined;
  const signKey = text('sign-key') ?? process.env.OTTPAY_SIGN_KEY;
  const action = text('action');
  const merchantId = text('merchant-id');
  if (!signKey || !action || !merchantId) {
    process.stderr.write(`--sign-key, --action and --merchant-id are required\n${USAGE}\n`);
    return 2;
  }
  let data: unknown;
  try {
    data = JSON.parse(await readStdin());
  } catch (err) {
    process.stderr.write(
      `${err instanceof SyntaxError ? 'input is not valid JSON' : oneLine(String(err))}\n`,
    );
    return 1;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    process.stderr.write('input is not a JSON object\n');
    return 1;
  }
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string') {
      process.stderr.write(
        `value of "${oneLine(key).slice(0, 40)}" is not a string: OTTPay data values are strings\n`,
      );
      return 1;
    }
  }
  const sealed = sealData(data as Record<string, string>, signKey);
  const envelope = {
    action,
    version: text('version') ?? '1.0',
    merchant_id: merchantId,
    ...(text('terminal-no') ? { terminal_no: text('terminal-no') } : {}),
    ...(text('operator-id') ? { operator_id: text('operator-id') } : {}),
    data: sealed.data,
    md5: sealed.md5,
  };
  process.stdout.write(`${JSON.stringify(envelope)}\n`);
  return 0;
}

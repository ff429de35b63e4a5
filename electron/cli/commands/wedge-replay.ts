// `npm run --silent cli -- wedge-replay FILE`: replays a recorded keyboard session (the JSONL format
// of scanner-traces/: one {"t","key","code"} key-down per line) through the wedge detector and prints
// the codes it recognised, one per line, nothing else. `-` reads standard input.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { detectScans, type WedgeKeyEvent } from '../../../shared/scanning/wedge-detector.ts';

export const summary = 'replay a key-down trace (JSONL) through the wedge detector; print the codes';

const keyDown = z.object({ t: z.number().finite(), key: z.string(), code: z.string() });

/** Parses a JSONL trace; blank lines are skipped; a bad line is an error naming its line number. */
export function parseTrace(text: string): WedgeKeyEvent[] {
  const events: WedgeKeyEvent[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? '';
    if (line === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`line ${i + 1}: not JSON`);
    }
    const parsed = keyDown.safeParse(json);
    if (!parsed.success)
      throw new Error(`line ${i + 1}: expected {"t": number, "key": string, "code": string}`);
    events.push({ t: parsed.data.t, key: parsed.data.key, code: parsed.data.code });
  }
  return events;
}

export async function run(args: string[]): Promise<number> {
  const [file, ...extra] = args;
  if (file === undefined || file === '--help' || extra.length > 0) {
    process.stderr.write(
      'usage: npm run --silent cli -- wedge-replay FILE   (FILE: JSONL key-downs, - for stdin)\n',
    );
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    process.stderr.write(`wedge-replay: cannot read ${file}${code ? ` (${code})` : ''}\n`);
    return 1;
  }
  let events: WedgeKeyEvent[];
  try {
    events = parseTrace(text);
  } catch (err) {
    process.stderr.write(`wedge-replay: ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  const codes = detectScans(events).map((s) => s.code);
  if (codes.length > 0) process.stdout.write(`${codes.join('\n')}\n`);
  return 0;
}

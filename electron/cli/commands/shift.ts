// `npm run --silent cli -- shift report --data-dir DIR (--current | --shift ID) [--json]`: the X report
// of the open shift or the Z report of a closed one. Read-only: works while the till runs on DIR.

import { readShiftReport } from '../../core/staff/shift-reader.ts';
import { shiftReportLines } from '../../core/staff/shift-text.ts';
import { describeError, parseFlags, printJson } from '../cli-support.ts';

export const summary = 'shift report: the X report of the open shift or the Z report of a closed one';

const USAGE = `usage: npm run --silent cli -- shift report --data-dir DIR (--current | --shift ID) [--json] [--journal live|sandbox]
`;

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'report') {
    process.stderr.write(USAGE);
    return 2;
  }
  const flags = parseFlags(rest, {
    'data-dir': { type: 'string' },
    current: { type: 'boolean' },
    shift: { type: 'string' },
    json: { type: 'boolean' },
    journal: { type: 'string' },
  });
  if ('error' in flags) {
    process.stderr.write(`shift report: ${flags.error}\n${USAGE}`);
    return 2;
  }
  const v = flags.values;
  const shiftId = typeof v.shift === 'string' ? Number(v.shift) : null;
  const journal = v.journal ?? 'auto';
  if (
    typeof v['data-dir'] !== 'string' ||
    (v.current === true) === (shiftId !== null) ||
    (shiftId !== null && !(Number.isInteger(shiftId) && shiftId > 0)) ||
    (journal !== 'auto' && journal !== 'live' && journal !== 'sandbox')
  ) {
    process.stderr.write(
      `shift report: give --data-dir and exactly one of --current or --shift ID (a positive whole number)\n${USAGE}`,
    );
    return 2;
  }
  try {
    const report = readShiftReport(
      v['data-dir'],
      shiftId === null ? { current: true } : { shiftId },
      journal as 'auto' | 'live' | 'sandbox',
    );
    if (v.json) printJson(report);
    else process.stdout.write(`${shiftReportLines(report).join('\n')}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`shift report: ${describeError(err).replace(/^error: /, '')}\n`);
    return 1;
  }
}

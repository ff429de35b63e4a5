// The recorded keyboard-wedge sessions (test/fixtures/scanner-traces, a copy of the team's
// scanner-traces/): one JSONL file of key-downs per session and the codes the scanners typed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTrace } from '../../../electron/cli/commands/wedge-replay.ts';
import type { Trace } from './synthetic-traces.ts';

export const TRACE_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'scanner-traces');

export function recordedTraces(dir = TRACE_DIR): Trace[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => {
      const expected = readFileSync(join(dir, f.replace(/\.jsonl$/, '.expected')), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
      return {
        name: f.replace(/\.jsonl$/, ''),
        events: parseTrace(readFileSync(join(dir, f), 'utf8')),
        expected,
      };
    });
}

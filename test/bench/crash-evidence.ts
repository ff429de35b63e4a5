// What the crash harness keeps of a payment run that broke a rule: the run's journal (with its WAL),
// the gateway's view of the run's orders, and the phases' exits and stderr, in a folder that outlives
// the harness's own. A LOST or DOUBLE seen once under load is worth nothing without them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunEvidence {
  run: number;
  dbFile: string;
  /** The simulator's orders of this run's terminal. */
  orders: unknown[];
  /** Each phase's config and how it ended. */
  phases: unknown[];
  notes: string[];
}

/** Copies the run's files into `<tmp>/crash-evidence-<seed>/run-<n>/`; returns that folder. */
export function keepEvidence(seed: number, e: RunEvidence): string {
  const dir = path.join(os.tmpdir(), `crash-evidence-${seed}`, `run-${e.run}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) {
    const from = `${e.dbFile}${suffix}`;
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(dir, path.basename(from)));
  }
  fs.writeFileSync(
    path.join(dir, 'run.json'),
    `${JSON.stringify({ notes: e.notes, orders: e.orders, phases: e.phases }, null, 2)}\n`,
  );
  return dir;
}

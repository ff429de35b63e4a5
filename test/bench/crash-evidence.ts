// What the crash harness keeps of a run that broke a rule, in a folder that outlives the harness's own:
// of a payment run its journal (with its WAL), the gateway's view of its orders and the phases' exits
// and stderr; of a whole-till run its data folder (journals, settings, staff) and each phase's exit and
// output. A LOST or DOUBLE seen once under load is worth nothing without them.
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

function evidenceDir(seed: number, run: number): string {
  const dir = path.join(os.tmpdir(), `crash-evidence-${seed}`, `run-${run}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Copies the run's files into `<tmp>/crash-evidence-<seed>/run-<n>/`; returns that folder. */
export function keepEvidence(seed: number, e: RunEvidence): string {
  const dir = evidenceDir(seed, e.run);
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

/** What a whole-till run's phases did, beside the copy of its data folder. */
export interface TillRunEvidence {
  point: string;
  problems: string[];
  /** Receipts the run's printer took. */
  printerJobs: number;
  phases: Array<{
    phase: string;
    exit: { code: number | null; signal: string | null; out: string; err: string };
  }>;
}

/** Copies a whole-till run's data folder into `<tmp>/crash-evidence-<seed>/run-<n>/data`; returns the run's folder. */
export function keepTillEvidence(seed: number, run: number, dataDir: string, e: TillRunEvidence): string {
  const dir = evidenceDir(seed, run);
  fs.cpSync(dataDir, path.join(dir, 'data'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'run.json'), `${JSON.stringify(e, null, 2)}\n`);
  return dir;
}

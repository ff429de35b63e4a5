// The crash harness's runs at the durable writes beyond the payment path (electron/core/durable-points.ts):
// a whole-till child (crash-till-worker.ts) does the write and is SIGKILLed at the point, a new child
// starts on the same folder, and the kind's invariant is checked — a receipt never lost after Paid nor
// printed twice unless marked as a reprint; a closed shift never changes; a staff account or PIN change
// either there whole or not at all; settings and secrets files never half written (the till starts with
// the old or the new values).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DurablePoint } from '../../electron/core/durable-points.ts';
import { JOURNAL_FILE, SANDBOX_JOURNAL_FILE } from '../../electron/core/journal/journal-files.ts';
import { type FakeNetworkPrinter, startFakeNetworkPrinter } from '../support/fake-network-printer.ts';
import { type ChildExit, runChild } from './crash-children.ts';
import { keepTillEvidence } from './crash-evidence.ts';
import {
  NEW_SHOP,
  NEW_SIGN_KEY,
  NEW_STAFF,
  type TillKind,
  type TillReport,
  type TillWorkerConfig,
} from './crash-till-kinds.ts';

/** Each durable point with the write that reaches it. */
export const TILL_POINTS: ReadonlyArray<{ point: DurablePoint; kind: TillKind }> = [
  { point: 'print.queued', kind: 'print' },
  { point: 'print.sent', kind: 'print' },
  { point: 'print.done', kind: 'print' },
  { point: 'shift.reconciled', kind: 'shift' },
  { point: 'shift.z-frozen', kind: 'shift' },
  { point: 'staff.saved', kind: 'staff' },
  { point: 'pin.saved', kind: 'pin' },
  { point: 'settings.temp-written', kind: 'settings' },
  { point: 'settings.renamed', kind: 'settings' },
  { point: 'secrets.temp-written', kind: 'secrets' },
  { point: 'secrets.renamed', kind: 'secrets' },
];

/** Closed shifts' frozen Z reports, from both journals (read with no till running). */
function closedShifts(dataDir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of [JOURNAL_FILE, SANDBOX_JOURNAL_FILE]) {
    const p = path.join(dataDir, file);
    if (!fs.existsSync(p)) continue;
    const db = new Database(p);
    try {
      const has = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'shifts'").get();
      if (!has) continue;
      for (const r of db
        .prepare('SELECT shift_id AS id, z_report AS z FROM shifts WHERE closed_at IS NOT NULL')
        .all() as Array<{ id: string | number; z: string }>)
        out.set(`${file}:${r.id}`, r.z);
    } finally {
      db.close();
    }
  }
  return out;
}

/** The receipt jobs both journals hold, by state. */
function receiptJobs(dataDir: string): { queued: number; printed: number; failed: number } {
  const out = { queued: 0, printed: 0, failed: 0 };
  for (const file of [JOURNAL_FILE, SANDBOX_JOURNAL_FILE]) {
    const p = path.join(dataDir, file);
    if (!fs.existsSync(p)) continue;
    const db = new Database(p, { readonly: true });
    try {
      if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'print_jobs'").get()) continue;
      for (const r of db.prepare('SELECT state FROM print_jobs').all() as Array<{
        state: 'queued' | 'printed' | 'failed';
      }>)
        out[r.state] += 1;
    } finally {
      db.close();
    }
  }
  return out;
}

function readJson(file: string): { ok: true; value: Record<string, unknown> } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown> };
  } catch {
    return { ok: false };
  }
}

export interface TillRunResult {
  killed: boolean;
  problems: string[];
  /** Where the run's folder and its phases' output were kept, when it broke a rule. */
  kept?: string;
  /** What the checks saw, for the harness's run line (receipts: the journal's jobs and the printer's). */
  seen?: string;
}

/**
 * A till folder after its first start (journal schema, owner account, keys), made once per harness run
 * in `dir`: each run starts from a copy instead of paying for the first start's migrations and writes,
 * none of which is a write under test.
 */
const templates = new Map<string, Promise<string>>();
function firstStartTemplate(dir: string): Promise<string> {
  let made = templates.get(dir);
  if (!made) {
    made = (async () => {
      const dataDir = path.join(dir, 'till-template');
      fs.mkdirSync(dataDir, { recursive: true });
      const init = await runChild('crash-till-worker', {
        phase: 'init',
        kind: 'staff',
        dataDir,
        killAt: 'none',
        printerTarget: '',
      } satisfies TillWorkerConfig);
      if (init.code !== 0) throw new Error(`the template till did not start: ${tail(init.err)}`);
      return dataDir;
    })();
    templates.set(dir, made);
  }
  return made;
}

export async function runTillCrash(
  dir: string,
  run: number,
  point: DurablePoint,
  kind: TillKind,
  seed: number,
): Promise<TillRunResult> {
  const dataDir = path.join(dir, `till-${run}`);
  fs.cpSync(await firstStartTemplate(dir), dataDir, { recursive: true });
  const printer = await startFakeNetworkPrinter();
  const phases: Array<{ phase: string; exit: ChildExit }> = [];
  try {
    const result = await checkTillRun(dataDir, point, kind, printer, phases);
    if (result.problems.length > 0)
      result.kept = keepTillEvidence(seed, run, dataDir, {
        point,
        problems: result.problems,
        printerJobs: printer.jobs.length,
        phases,
      });
    return result;
  } finally {
    await printer.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function checkTillRun(
  dataDir: string,
  point: DurablePoint,
  kind: TillKind,
  printer: FakeNetworkPrinter,
  phases: Array<{ phase: string; exit: ChildExit }>,
): Promise<TillRunResult> {
  const problems: string[] = [];
  let seen: string | undefined;
  const base: TillWorkerConfig = {
    phase: 'act',
    kind,
    dataDir,
    killAt: point,
    printerTarget: printer.target,
  };
  const act = await runChild('crash-till-worker', base, true);
  phases.push({ phase: 'act', exit: act });
  const killed = act.signal === 'SIGKILL';
  if (!killed && act.code !== 0) problems.push(`act exited ${act.code}: ${tail(act.err)}`);
  const zAfterCrash = closedShifts(dataDir);
  const restart = await runChild('crash-till-worker', { ...base, phase: 'restart', killAt: 'none' }, true);
  phases.push({ phase: 'restart', exit: restart });
  if (restart.code !== 0) {
    problems.push(
      `the till did not start again (${restart.code} ${restart.signal ?? ''}): ${tail(restart.err)}`,
    );
    return { killed, problems };
  }
  const report = lastLineReport(restart.out);
  if (!report) {
    problems.push(`the restarted till gave no report: ${JSON.stringify(restart.out.slice(-200))}`);
    return { killed, problems };
  }
  const at = (step: string) => point.endsWith(step);
  switch (kind) {
    case 'print': {
      // The journal is the record: the paid sale's receipt job is there and printed, by the till's
      // own word and by the journal read here with no till running.
      const jobs = receiptJobs(dataDir);
      if (jobs.queued + jobs.printed + jobs.failed === 0)
        problems.push('LOST: the paid sale has no receipt job in the journal');
      if (report.queuedJobs > 0 || jobs.queued > 0 || jobs.failed > 0)
        problems.push(
          `receipt jobs not printed after restart: ${jobs.queued} queued, ${jobs.failed} failed (the till saw ${report.queuedJobs} queued)`,
        );
      // A job the till holds as printed has had its bytes written; the printer counts it once its
      // connection's end reaches this process, which may come after the child's exit.
      while (printer.jobs.length < jobs.printed)
        if (!(await printer.nextJob(30_000).catch(() => null))) break;
      const originals = printer.jobs.filter((b) => !b.includes('REPRINT')).length;
      if (printer.jobs.length === 0) problems.push('LOST: the receipt of a paid sale never printed');
      if (originals > 1) problems.push(`DOUBLE: ${originals} receipts printed as originals for one copy`);
      seen = `receipts: journal ${jobs.printed} printed ${jobs.queued} queued ${jobs.failed} failed, printer took ${printer.jobs.length}`;
      break;
    }
    case 'shift': {
      const after = closedShifts(dataDir);
      for (const [id, z] of zAfterCrash)
        if (after.get(id) !== z)
          problems.push(`CHANGED: closed shift ${id}'s Z report changed after restart`);
      if (after.size === 0) problems.push('the shift could not be closed after the crash');
      break;
    }
    case 'staff':
      if (report.newStaff !== 1) problems.push(`${report.newStaff} accounts named ${NEW_STAFF} (want 1)`);
      if (!report.oldPinWorks) problems.push("the new account's PIN does not sign in");
      break;
    case 'pin':
      if (report.newStaff !== 1) problems.push(`${report.newStaff} accounts named ${NEW_STAFF} (want 1)`);
      if (!report.newPinWorks || report.oldPinWorks)
        problems.push(
          `after a PIN change: new PIN ${report.newPinWorks ? 'works' : 'refused'}, old ${report.oldPinWorks ? 'works' : 'refused'}`,
        );
      break;
    case 'settings': {
      const file = readJson(path.join(dataDir, 'settings.json'));
      if (!file.ok) problems.push('HALF WRITTEN: settings.json does not parse');
      const wantNew = at('renamed');
      if ((report.shopName === NEW_SHOP) !== wantNew)
        problems.push(`settings: shop is "${report.shopName}" after a kill at ${point}`);
      break;
    }
    case 'secrets': {
      const file = readJson(path.join(dataDir, 'secrets.json'));
      if (!file.ok) problems.push('HALF WRITTEN: the secrets file does not parse');
      else if ((file.value.signKey === NEW_SIGN_KEY) !== at('renamed'))
        problems.push(
          `secrets: the sign key is ${file.value.signKey === NEW_SIGN_KEY ? 'new' : 'old'} after a kill at ${point}`,
        );
      break;
    }
  }
  return { killed, problems, seen };
}

/** The restarted child's report: its last stdout line, or null when that is missing or cut short. */
function lastLineReport(out: string): TillReport | null {
  try {
    return JSON.parse(out.trim().split('\n').pop() ?? '') as TillReport;
  } catch {
    return null;
  }
}

function tail(s: string): string {
  return s.trim().split('\n').slice(-3).join(' | ');
}

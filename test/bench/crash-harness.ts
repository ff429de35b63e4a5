// Crash harness: `node test/bench/crash-harness.ts --runs N --seed S [--jobs J] [--verbose]`.
// With --jobs above 1 the points each run aims at stay seeded; the customer's timing does not.
// Each run picks one named point, every point equally often. Payment points: a child till process takes
// a payment against the simulator (HTTP) and is SIGKILLed there (before/after the journal write, after
// the request is sent, after the answer, during a call-back, mid-recovery…); new processes recover (one
// of them may be killed too); then the run is checked against the simulator's ledger: no payment lost
// (charged but not paid in the journal), none charged twice for one sale, none left unresolved when the
// gateway knows the answer, and `PRAGMA integrity_check` ok. Refund points: the same, with a refund of
// the paid sale; the simulator's books say what OTTPay saw — a refund never sent twice nor lost. The
// other durable writes (receipts, shift close, staff and PINs, settings, secrets): crash-till-runs.ts;
// the POS API's payment creation, retried by the POS with the same Idempotency-Key: crash-pos-runs.ts.
// Before the verdict, one line per point with its run count, so a point that stops firing is seen. The
// last line is the verdict (see the README of test/bench).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { FaultPoint } from '../../electron/core/payments/fault-points.ts';
import type { PosFaultPoint } from '../../electron/core/pos-api/fault-points.ts';
import {
  createSimulator,
  SANDBOX_MERCHANT_ID,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SIGN_KEY,
  type SimOrderView,
} from '../../electron/core/simulator/index.ts';
import { prng } from '../support/prng.ts';
import { bundleChildren, type ChildExit, removeBundle, runChild } from './crash-children.ts';
import { keepEvidence } from './crash-evidence.ts';
import { deliveredInTime } from './crash-gateway-window.ts';
import { POS_POINTS, runPosCrash } from './crash-pos-runs.ts';
import { centralFor, runSyncCrash, SYNC_POINTS } from './crash-sync-runs.ts';
import type { TillKind } from './crash-till-kinds.ts';
import { runTillCrash, TILL_POINTS } from './crash-till-runs.ts';
import type { WorkerConfig } from './crash-worker.ts';

// Typed against the engine's fault points, so a renamed point cannot silently stop firing.
const PAY_POINTS: ReadonlyArray<FaultPoint | 'gateway.sent'> = [
  'attempt.before-journal',
  'attempt.journaled',
  'attempt.submitted',
  'gateway.sent',
  'attempt.answered',
  'attempt.answer-journaled',
  'poll.answered',
  'poll.journaled',
  'callback.recorded',
  'callback.confirmed',
];
const RECOVERY_POINTS: readonly FaultPoint[] = [
  'recovery.started',
  'recovery.answered',
  'poll.answered',
  'poll.journaled',
];
const REFUND_POINTS: readonly FaultPoint[] = ['refund.journaled', 'refund.submitted', 'refund.answered'];

/** Every point a run may be killed at, with the kind of run that reaches it. */
type Target =
  | { run: 'pay'; point: FaultPoint | 'gateway.sent' }
  | { run: 'recovery'; point: FaultPoint }
  | { run: 'refund'; point: FaultPoint }
  | { run: 'till'; point: string; kind: TillKind }
  | { run: 'sync'; point: string }
  | { run: 'pos'; point: PosFaultPoint };
const ALL_TARGETS: readonly Target[] = [
  ...PAY_POINTS.map((point) => ({ run: 'pay' as const, point })),
  ...RECOVERY_POINTS.map((point) => ({ run: 'recovery' as const, point })),
  ...REFUND_POINTS.map((point) => ({ run: 'refund' as const, point })),
  ...TILL_POINTS.map(({ point, kind }) => ({ run: 'till' as const, point, kind })),
  ...SYNC_POINTS.map((point) => ({ run: 'sync' as const, point })),
  ...POS_POINTS.map((point) => ({ run: 'pos' as const, point })),
];
const targetName = (t: Target) => (t.run === 'recovery' ? `recovery:${t.point}` : t.point);

const ENDINGS = [0, 1, 2, 3, 4, 5, 91, 92, 93, 94, 95, 96, 97, 98, 99];
const PAID = new Set(['success', 'partial_refunded', 'fully_refunded']);
const FINAL = new Set(['success', 'failure', 'orderclosed', 'partial_refunded', 'fully_refunded']);

function arg(name: string, fallback: number): number {
  const i = process.argv.lastIndexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isSafeInteger(v) || v < 0) throw new Error(`--${name} must be a whole number`);
  return v;
}

export interface CrashSummary {
  runs: number;
  killed: number;
  lost: number;
  double: number;
  unresolved: number;
  /** A closed shift changed, a file half written, an account or PIN half saved, a till that would not start. */
  broken: number;
  integrityOk: boolean;
  problems: string[];
  /** Per point: runs aimed at it, and how many were really killed there. */
  points: Map<string, { runs: number; killed: number }>;
}

export async function runCrashHarness(
  runs: number,
  seed: number,
  log: (line: string) => void = () => {},
  jobs = 1,
  /** Only the points whose name contains this (a kind being worked on); every point when empty. */
  only = '',
  /** Aborted: no new run starts; the runs under way finish and the summary counts the runs made. */
  stop?: AbortSignal,
): Promise<CrashSummary> {
  const TARGETS = ALL_TARGETS.filter((t) => targetName(t).includes(only));
  if (TARGETS.length === 0) throw new Error(`no crash point matches "${only}"`);
  const random = prng(seed);
  // Runs go round every point; each round in its own seeded order.
  let round: number[] = [];
  const order = (run: number): number => {
    if (run % TARGETS.length === 0) {
      round = TARGETS.map((_, i) => i);
      for (let i = round.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [round[i], round[j]] = [round[j] as number, round[i] as number];
      }
    }
    return round[run % TARGETS.length] as number;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crash-harness-'));
  await bundleChildren();
  const sim = await createSimulator({
    timings: { processingMs: 200, closeMs: 400, activeTtlMs: 1_500, holdMs: 3_000 },
    callbackRetryDelaysMs: [100, 300],
    callbackTimeoutMs: 1_000,
    delivers: (url) => deliveredInTime(url),
  });
  // The customer: pays most active orders shortly after the QR appears (even while the till is dead).
  const payChance = new Map<string, boolean>();
  const stopCustomer = sim.control.subscribe((e) => {
    if (e.type !== 'request' || e.action !== 'ACTIVEPAY' || e.rspCode !== 'SUCCESS' || !e.orderId) return;
    const orderId = e.orderId;
    if (payChance.get(orderId.slice(14)) === false) return;
    setTimeout(
      () => {
        try {
          sim.control.pay(orderId);
        } catch {
          // closed or failed meanwhile: the customer was too late
        }
      },
      30 + Math.floor(random() * 250),
    );
  });

  const summary: CrashSummary = {
    runs,
    killed: 0,
    lost: 0,
    double: 0,
    unresolved: 0,
    broken: 0,
    integrityOk: true,
    problems: [],
    points: new Map(TARGETS.map((t) => [targetName(t), { runs: 0, killed: 0 }])),
  };
  const central = centralFor();
  try {
    const oneRun = async (run: number, aim: Target): Promise<void> => {
      const tally = summary.points.get(targetName(aim)) as { runs: number; killed: number };
      tally.runs += 1;
      if (aim.run === 'till' || aim.run === 'sync' || aim.run === 'pos') {
        const started = Date.now();
        const r =
          aim.run === 'till'
            ? await runTillCrash(dir, run, aim.point as never, aim.kind, seed)
            : aim.run === 'pos'
              ? await runPosCrash(dir, run, aim.point, sim, 100 * (1 + Math.floor(random() * 50)))
              : await runSyncCrash(await central.get(), aim.point as never, random);
        if (r.killed) {
          summary.killed += 1;
          tally.killed += 1;
        }
        for (const p of r.problems) {
          if (p.startsWith('LOST')) summary.lost += 1;
          else if (p.startsWith('DOUBLE')) summary.double += 1;
          else summary.broken += 1;
          summary.problems.push(`run ${run} (kill ${aim.point}): ${p}`);
        }
        if ('kept' in r && r.kept)
          summary.problems.push(`run ${run}: its data folder and output are kept in ${r.kept}`);
        log(
          `run ${run}: kill@${aim.point} ${r.killed ? 'KILLED' : 'not reached'} problems=${r.problems.length}${'seen' in r && r.seen ? ` ${r.seen}` : ''} (${Date.now() - started} ms)`,
        );
        return;
      }
      const terminalNo = `R${run.toString(36).toUpperCase().padStart(3, '0')}`;
      const db = path.join(dir, `${terminalNo}.db`);
      const refund = aim.run === 'refund';
      const mode = refund ? 'active' : random() < 0.5 ? 'active' : 'passive';
      // A refund needs a paid sale: no failing scenario ending, and the customer always pays.
      const amountCents = 100 * (1 + Math.floor(random() * 50)) + (refund ? 0 : pick(ENDINGS));
      const inRecovery = aim.run === 'recovery';
      const killAt = aim.point;
      payChance.set(terminalNo, refund || random() < 0.8);
      const base: WorkerConfig = {
        phase: 'pay',
        db,
        gatewayUrl: sim.url,
        merchantId: SANDBOX_MERCHANT_ID,
        operatorId: SANDBOX_OPERATOR_ID,
        signKey: SANDBOX_SIGN_KEY,
        terminalNo,
        mode,
        amountCents,
        code: `13${String(seed).padStart(6, '0').slice(-6)}${String(run).padStart(10, '0')}`,
        // A recovery run first leaves a payment in flight (killed once its request is out), so the
        // next process has an attempt to query: a paid-up journal gives recovery nothing to answer.
        killAt: inRecovery ? 'gateway.sent' : killAt,
        killHit: 1,
        ...(refund ? { refundCents: Math.floor(amountCents / 2) } : {}),
      };
      const phases: Array<{ cfg: WorkerConfig; r: ChildExit }> = [];
      const started = Date.now();
      phases.push({ cfg: base, r: await runChild('crash-worker', base) });
      const recoverCfg: WorkerConfig = { ...base, phase: 'recover', killAt: inRecovery ? killAt : 'none' };
      phases.push({ cfg: recoverCfg, r: await runChild('crash-worker', recoverCfg) });
      if (phases[1]?.r.signal === 'SIGKILL')
        phases.push({
          cfg: { ...recoverCfg, killAt: 'none' },
          r: await runChild('crash-worker', { ...recoverCfg, killAt: 'none' }),
        });
      // A recovery run counts as killed only when its recovery process died at the aimed point.
      const wasKilled = inRecovery
        ? phases[1]?.r.signal === 'SIGKILL'
        : phases.some((p) => p.r.signal === 'SIGKILL');
      if (wasKilled) {
        summary.killed += 1;
        tally.killed += 1;
      }
      for (const p of phases) {
        if (p.r.signal !== 'SIGKILL' && p.r.code !== 0) {
          summary.problems.push(
            `run ${run}: ${p.cfg.phase} exited ${p.r.code}: ${p.r.err.trim().split('\n').slice(-3).join(' | ')}`,
          );
        }
      }
      const orders = sim.control.orders();
      const verdict = check(db, terminalNo, orders);
      if (refund) {
        const r = checkRefunds(db, terminalNo, orders);
        verdict.lost += r.lost;
        verdict.double += r.double;
        verdict.unresolved += r.unresolved;
        verdict.notes.push(...r.notes);
      }
      summary.lost += verdict.lost;
      summary.double += verdict.double;
      summary.unresolved += verdict.unresolved;
      if (!verdict.integrityOk) summary.integrityOk = false;
      summary.problems.push(
        ...verdict.notes.map((n) => `run ${run} (${mode} ${amountCents} kill ${killAt}): ${n}`),
      );
      if (verdict.lost + verdict.double + verdict.unresolved > 0 || !verdict.integrityOk) {
        const kept = keepEvidence(seed, {
          run,
          dbFile: db,
          orders: orders.filter((o) => o.orderId.slice(14) === terminalNo),
          phases: phases.map((p) => ({
            ...p.cfg,
            signKey: undefined,
            exit: p.r.code,
            signal: p.r.signal,
            err: p.r.err,
          })),
          notes: verdict.notes,
        });
        summary.problems.push(`run ${run}: its journal and the gateway's orders are kept in ${kept}`);
      }
      log(
        `run ${run}: ${mode} ${amountCents} kill@${killAt} ${wasKilled ? 'KILLED' : 'not reached'} ` +
          `lost=${verdict.lost} double=${verdict.double} unresolved=${verdict.unresolved} (${Date.now() - started} ms)`,
      );
    };
    // Most of a run is waiting (timers, process start): `jobs` runs at a time, each in its own folder.
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(jobs, runs)) }, async () => {
        while (next < runs && !stop?.aborted) {
          const run = next++;
          // Every point equally often, in a seeded order.
          const aim = TARGETS[order(run)] as Target;
          // A run that could not do its work (its setup threw) counts as broken, named with its error,
          // and the harness goes on: one run must not end a two-hour verdict.
          await oneRun(run, aim).catch((err: unknown) => {
            summary.broken += 1;
            summary.problems.push(
              `run ${run} (${aim.run} run, kill ${targetName(aim)}): the run itself failed: ${err instanceof Error ? err.message : String(err)}`,
            );
          });
        }
      }),
    );
    summary.runs = next;
  } finally {
    central.close();
    stopCustomer();
    await sim.close();
    removeBundle();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return summary;
}

/**
 * The refund of one paid sale against what OTTPay saw: sent at most once (one refund order at the
 * gateway for the one refund asked), never lost (a refund the gateway made is refunded in the journal),
 * and not left open when the gateway knows its answer.
 */
function checkRefunds(
  dbFile: string,
  terminalNo: string,
  orders: SimOrderView[],
): { lost: number; double: number; unresolved: number; notes: string[] } {
  const notes: string[] = [];
  const payments = new Set(
    orders.filter((o) => o.kind === 'payment' && o.orderId.slice(14) === terminalNo).map((o) => o.orderId),
  );
  const atGateway = orders.filter((o) => o.kind === 'refund' && payments.has(o.originalOrderId ?? ''));
  if (!fs.existsSync(dbFile)) return { lost: atGateway.length, double: 0, unresolved: 0, notes };
  const db = new Database(dbFile, { readonly: true });
  try {
    const rows = db.prepare('SELECT order_id AS orderId, state FROM refunds').all() as Array<{
      orderId: string;
      state: string;
    }>;
    let lost = 0;
    let double = 0;
    let unresolved = 0;
    if (atGateway.length > rows.length) {
      double += 1;
      notes.push(`DOUBLE REFUND: ${atGateway.length} refund orders at the gateway for ${rows.length} asked`);
    }
    for (const o of atGateway) {
      const row = rows.find((r) => r.orderId === o.orderId);
      if (o.status === 'success' && row?.state !== 'refunded') {
        lost += 1;
        notes.push(`LOST REFUND: ${o.orderId} made by the gateway, journal says ${row?.state ?? 'nothing'}`);
      }
    }
    for (const r of rows) {
      if (r.state === 'refunded' || r.state === 'failed') continue;
      const o = atGateway.find((x) => x.orderId === r.orderId);
      if (!o || FINAL.has(o.status) || o.status === 'success') {
        unresolved += 1;
        notes.push(
          `UNRESOLVED REFUND: ${r.orderId} is ${r.state}, gateway says ${o?.status ?? 'no such order'}`,
        );
      }
    }
    return { lost, double, unresolved, notes };
  } finally {
    db.close();
  }
}

function check(
  dbFile: string,
  terminalNo: string,
  orders: SimOrderView[],
): { lost: number; double: number; unresolved: number; integrityOk: boolean; notes: string[] } {
  const notes: string[] = [];
  const mine = orders.filter((o) => o.kind === 'payment' && o.orderId.slice(14) === terminalNo);
  if (!fs.existsSync(dbFile)) {
    const charged = mine.filter((o) => PAID.has(o.status)).length;
    if (charged > 0) notes.push('charged but no journal at all');
    return { lost: charged, double: 0, unresolved: 0, integrityOk: true, notes };
  }
  const db = new Database(dbFile, { readonly: true });
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const attempts = db
      .prepare('SELECT order_id AS orderId, sale_id AS saleId, state FROM attempts')
      .all() as Array<{
      orderId: string;
      saleId: string;
      state: string;
    }>;
    const byOrder = new Map(attempts.map((a) => [a.orderId, a]));
    let lost = 0;
    const paidPerSale = new Map<string, number>();
    for (const o of mine) {
      if (!PAID.has(o.status)) continue;
      const a = byOrder.get(o.orderId);
      if (a?.state !== 'paid') {
        lost += 1;
        notes.push(`LOST: ${o.orderId} charged, journal says ${a?.state ?? 'nothing'}`);
      }
      if (a) paidPerSale.set(a.saleId, (paidPerSale.get(a.saleId) ?? 0) + 1);
    }
    let double = 0;
    for (const [sale, n] of paidPerSale) {
      if (n > 1) {
        double += 1;
        notes.push(`DOUBLE: sale ${sale} charged ${n} times`);
      }
    }
    let unresolved = 0;
    for (const a of attempts) {
      if (['paid', 'failed', 'expired'].includes(a.state)) continue;
      const o = mine.find((x) => x.orderId === a.orderId);
      // The gateway knows the answer: a final status, or it never had the order at all.
      if (!o || FINAL.has(o.status)) {
        unresolved += 1;
        notes.push(`UNRESOLVED: ${a.orderId} is ${a.state}, gateway says ${o?.status ?? 'no such order'}`);
      }
    }
    return { lost, double, unresolved, integrityOk: integrity === 'ok', notes };
  } finally {
    db.close();
  }
}

/** CPU seconds of this process and of its children that have ended (Linux: /proc/self/stat). */
function cpuSeconds(): { self: number; children: number } {
  const usage = process.cpuUsage();
  const self = (usage.user + usage.system) / 1e6;
  try {
    // Fields 3 on follow the command's closing parenthesis; cutime and cstime are fields 16 and 17.
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = 100; // USER_HZ on Linux
    return { self, children: (Number(f[13]) + Number(f[14])) / ticks };
  } catch {
    return { self, children: Number.NaN };
  }
}

const isMain =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const runs = arg('runs', 20);
  const seed = arg('seed', 1);
  const jobs = arg('jobs', 1);
  const verbose = process.argv.includes('--verbose');
  const onlyAt = process.argv.lastIndexOf('--only');
  const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '') : '';
  const t0 = Date.now();
  // SIGINT/SIGTERM: the runs under way finish, then the verdict of the runs made (a long run cut short).
  const stop = new AbortController();
  const stopping = () => {
    console.log('stopping: the runs under way finish, then the verdict of the runs made');
    stop.abort();
  };
  process.once('SIGINT', stopping).once('SIGTERM', stopping);
  const s = await runCrashHarness(
    runs,
    seed,
    verbose ? (l) => console.log(l) : () => {},
    jobs,
    only,
    stop.signal,
  );
  for (const p of s.problems) console.log(p);
  for (const [name, t] of s.points) console.log(`point ${name}: runs=${t.runs} killed=${t.killed}`);
  const seconds = (Date.now() - t0) / 1000;
  const cpu = cpuSeconds();
  console.log(
    `killed ${s.killed} of ${s.runs} runs at a fault point; ${seconds.toFixed(1)} s with ${jobs} job(s); ` +
      `CPU ${cpu.self.toFixed(1)} s harness + ${cpu.children.toFixed(1)} s children = ` +
      `${((cpu.self + cpu.children) / Math.max(1, s.runs)).toFixed(2)} s per run`,
  );
  const ok = s.lost === 0 && s.double === 0 && s.unresolved === 0 && s.broken === 0 && s.integrityOk;
  console.log(
    `crash-recovery: runs=${s.runs} lost=${s.lost} double=${s.double} unresolved=${s.unresolved} broken=${s.broken} integrity=${s.integrityOk ? 'ok' : 'FAILED'}`,
  );
  process.exitCode = ok ? 0 : 1;
}

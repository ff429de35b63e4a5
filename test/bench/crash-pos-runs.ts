// The crash harness's runs at the POS API's payment creation (pos-api/fault-points.ts): a whole-till
// child (crash-till-worker.ts, kind "pos") runs the POS API against the harness's simulator (live
// settings, so OTTPay stays outside the till as in a shop); the harness, as the POS, posts
// /v1/payments with a bearer key and an Idempotency-Key, the child is SIGKILLed at the point, a new
// child starts on the same folder, and the POS retries with the same key. Invariant: one payment order
// at the simulator, the retry answers that same payment (never a second order), and a payment the
// customer paid ends paid at the till — nothing lost.
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { JOURNAL_FILE } from '../../electron/core/journal/journal-files.ts';
import type { PosFaultPoint } from '../../electron/core/pos-api/fault-points.ts';
import {
  SANDBOX_MERCHANT_ID,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SIGN_KEY,
  type Simulator,
} from '../../electron/core/simulator/index.ts';
import { spawnChild } from './crash-children.ts';
import { POS_KEY, POS_READY, type TillWorkerConfig } from './crash-till-kinds.ts';

export const POS_POINTS: readonly PosFaultPoint[] = ['pos.payment-journaled', 'pos.payment-answered'];

interface Answer {
  status: number;
  body: { id?: string; state?: string; orderId?: string | null } | null;
}

/** A till child that serves the POS API: its URL once ready, and its end. */
function startPosTill(cfg: TillWorkerConfig) {
  const child = spawnChild('crash-till-worker', cfg, 'pipe');
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  // Waits on the child's own line, never on a timer.
  const url = new Promise<string | null>((resolve) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      if (line.startsWith(POS_READY)) resolve(line.slice(POS_READY.length));
    });
    void exited.then(() => resolve(null));
  });
  return {
    url,
    exited,
    stderr: () => err,
    /** The POS is done: the child closes the till and exits. */
    end: () => child.stdin?.end(),
    kill: () => child.kill('SIGKILL'),
  };
}

async function post(url: string, idem: string, body: unknown): Promise<Answer | null> {
  try {
    const res = await fetch(`${url}/v1/payments`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${POS_KEY}`,
        'Idempotency-Key': idem,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Answer['body']) : null };
  } catch {
    // The till died with the request in its hands: the POS got no answer.
    return null;
  }
}

/** The payment's state, waiting at the API until it is final (or `tries` waits pass). */
async function finalState(url: string, id: string, tries: number): Promise<string | undefined> {
  let state: string | undefined;
  for (let i = 0; i < tries; i++) {
    const res = await fetch(`${url}/v1/payments/${id}?wait=10`, {
      headers: { Authorization: `Bearer ${POS_KEY}` },
    });
    state = ((await res.json()) as { state?: string }).state;
    if (state === 'paid' || state === 'failed' || state === 'cancelled') break;
  }
  return state;
}

export async function runPosCrash(
  dir: string,
  run: number,
  point: PosFaultPoint,
  sim: Simulator,
  amountCents: number,
): Promise<{ killed: boolean; problems: string[]; terminalNo: string }> {
  const terminalNo = `P${run.toString(36).toUpperCase().padStart(3, '0')}`;
  const dataDir = path.join(dir, `pos-${run}`);
  fs.mkdirSync(dataDir, { recursive: true });
  // Live settings against the harness's simulator: OTTPay is outside the till, and survives its kill.
  fs.writeFileSync(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({
      merchantId: SANDBOX_MERCHANT_ID,
      operatorId: SANDBOX_OPERATOR_ID,
      terminalNo,
      gatewayUrl: sim.url,
    }),
  );
  fs.writeFileSync(path.join(dataDir, 'secrets.json'), JSON.stringify({ signKey: SANDBOX_SIGN_KEY }), {
    mode: 0o600,
  });
  const problems: string[] = [];
  const base: TillWorkerConfig = { phase: 'act', kind: 'pos', dataDir, killAt: point, printerTarget: '' };
  const idem = `crash-${run}`;
  const body = { amountCents, method: 'WECHATPAY', reference: `CRASH-${run}` };
  const tills: Array<ReturnType<typeof startPosTill>> = [];
  try {
    const first = startPosTill(base);
    tills.push(first);
    const firstUrl = await first.url;
    if (!firstUrl) {
      problems.push(`the till did not start: ${tail(first.stderr())}`);
      return { killed: false, problems, terminalNo };
    }
    const answered = await post(firstUrl, idem, body);
    if (answered && answered.status !== 201)
      problems.push(`the first POST answered ${answered.status}: ${JSON.stringify(answered.body)}`);
    first.end();
    const ended = await first.exited;
    const killed = ended.signal === 'SIGKILL';
    if (!killed && ended.code !== 0) problems.push(`act exited ${ended.code}: ${tail(first.stderr())}`);

    const second = startPosTill({ ...base, phase: 'restart', killAt: 'none' });
    tills.push(second);
    const secondUrl = await second.url;
    if (!secondUrl) {
      problems.push(`the till did not start again: ${tail(second.stderr())}`);
      return { killed, problems, terminalNo };
    }
    // The POS retries with the same key: the journaled payment, answered, never a second order.
    const retry = await post(secondUrl, idem, body);
    if (retry?.status !== 200 || !retry.body?.id) {
      problems.push(
        `${retry?.status === 201 ? 'LOST: the journaled payment was forgotten, the retry made a new one' : 'the retry failed'}: ${retry?.status} ${JSON.stringify(retry?.body)}`,
      );
    } else {
      if (answered?.body?.id && answered.body.id !== retry.body.id)
        problems.push(`DOUBLE: the retry answered payment ${retry.body.id}, the first ${answered.body.id}`);
      const state = await finalState(secondUrl, retry.body.id, 6);
      const orders = sim.control
        .orders()
        .filter((o) => o.kind === 'payment' && o.orderId.slice(14) === terminalNo);
      if (orders.length > 1)
        problems.push(`DOUBLE: ${orders.length} payment orders at the gateway for one key`);
      if (orders.length === 0) problems.push('LOST: the journaled payment never reached the gateway');
      const paidAtGateway = orders.some((o) => o.status === 'success');
      if (paidAtGateway && state !== 'paid')
        problems.push(`LOST: charged at the gateway, the POS API says ${state}`);
      if (!paidAtGateway && state === 'paid') problems.push('paid at the till, not at the gateway');
    }
    second.end();
    const done = await second.exited;
    if (done.code !== 0)
      problems.push(`restart exited ${done.code ?? done.signal}: ${tail(second.stderr())}`);
    const journal = path.join(dataDir, JOURNAL_FILE);
    if (!fs.existsSync(journal)) {
      problems.push(
        `no live journal (${fs.readdirSync(dataDir).join(', ')}): the till did not take its settings`,
      );
      return { killed, problems, terminalNo };
    }
    const db = new Database(journal, { readonly: true });
    try {
      const integrity = String(db.pragma('integrity_check', { simple: true }));
      if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
    } finally {
      db.close();
    }
    return { killed, problems, terminalNo };
  } finally {
    for (const t of tills) t.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function tail(s: string): string {
  return s.trim().split('\n').slice(-3).join(' | ');
}

// POS request → QR on the customer display: from the moment a POS sends POST /v1/payments (real HTTP,
// bearer key, idempotency record journaled with the attempt) to the till's customer-display push that
// carries the QR. Floor, measured in the same run on the same till: the same payment keyed at the till
// (the sale.payActive command a cashier's Charge sends) → the same push. Runs alternate so both see the
// same load. The display's own drawing is the same for both and is not in either figure.
// BENCH_RUNS sets the runs of each (12).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createTillCore, type TillCore } from '../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../electron/core/config/secret-store.ts';
import { dispatch } from '../../electron/core/dispatch.ts';
import { signIn } from '../support/sign-in.ts';
import { fmt, msSince, percentile, spread } from './bench-support.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 12);
const KEY = 'bench-key-0123456789abcdef';

/** Resolves when the customer display is pushed a view with a QR. */
function qrOnDisplay(core: TillCore): Promise<string> {
  return new Promise((resolve) => {
    const off = core.subscribe('customer', (name, payload) => {
      if (name !== 'customer.view') return;
      const view = payload as { qrPayload: string | null };
      if (view.qrPayload) {
        off();
        resolve(view.qrPayload);
      }
    });
  });
}

async function paid(core: TillCore): Promise<void> {
  if (core.snapshot().sale?.phase === 'paid') return;
  await new Promise<void>((resolve) => {
    const off = core.subscribe('till', (name, payload) => {
      if (
        name === 'till.snapshot' &&
        (payload as { sale: { phase: string } | null }).sale?.phase === 'paid'
      ) {
        off();
        resolve();
      }
    });
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-api-bench-'));
const core = await createTillCore({
  dataDir: dir,
  secrets: createMemorySecretStore(),
  posApi: { port: 0, host: '127.0.0.1', key: KEY },
});
const url = core.posApi?.url ?? '';
const viaPos: number[] = [];
const keyed: number[] = [];
const keyedInFlood: number[] = [];
let sale = 0;

/** One payment from its start to the QR pushed to the customer display; then the customer pays it. */
async function once(fromPos: boolean): Promise<number> {
  const i = sale++;
  const shown = qrOnDisplay(core);
  const t = process.hrtime.bigint();
  if (fromPos) {
    const res = await fetch(`${url}/v1/payments`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${KEY}`,
        'Idempotency-Key': `bench-${i}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ amountCents: 1500 + (i % 90), method: 'WECHATPAY', reference: `B${i}` }),
    });
    if (res.status !== 201) throw new Error(`POS answered ${res.status}: ${await res.text()}`);
  } else {
    await dispatch(core, 'till', 'sale.new', {});
    const r = await dispatch(core, 'till', 'sale.payActive', {
      amountCents: 1500 + (i % 90),
      tipCents: 0,
      wallet: 'WECHATPAY',
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  const qr = await shown;
  const ms = msSince(t);
  // The customer pays, so the next sale (POS or keyed) starts from a finished one.
  const done = paid(core);
  await fetch(`${qr}/pay`, { method: 'POST' });
  await done;
  return ms;
}

/**
 * A misbehaving POS in its own thread (so its own work does not load the till's): wrong keys and bad
 * bodies as fast as four connections allow. Answers how many requests it sent once stopped.
 */
function startFlood(): { stop(): Promise<number> } {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     let on = true, sent = 0;
     parentPort.on('message', () => { on = false; });
     async function loop(n) {
       while (on) {
         const bad = n % 2 === 0
           ? { headers: { Authorization: 'Bearer wrong-key-wrong-key' } }
           : { headers: { Authorization: 'Bearer ' + workerData.key, 'Idempotency-Key': 'x', 'Content-Type': 'application/json' }, body: '{"amountCents":-1}' };
         try { const r = await fetch(workerData.url + '/v1/payments', { method: 'POST', ...bad }); await r.arrayBuffer(); } catch {}
         sent++;
       }
     }
     Promise.all([0, 1, 2, 3].map(loop)).then(() => parentPort.postMessage(sent));`,
    { eval: true, workerData: { url, key: KEY } },
  );
  return {
    stop: () =>
      new Promise((resolve) => {
        worker.once('message', (sent: number) => {
          void worker.terminate();
          resolve(sent);
        });
        worker.postMessage('stop');
      }),
  };
}

let floodSent = 0;
let floodMs = 0;
try {
  await signIn(core);
  for (let i = 0; i < RUNS * 2; i++) (i % 2 === 0 ? viaPos : keyed).push(await once(i % 2 === 0));
  const t = process.hrtime.bigint();
  const flood = startFlood();
  for (let i = 0; i < RUNS; i++) keyedInFlood.push(await once(false));
  floodSent = await flood.stop();
  floodMs = msSince(t);
} finally {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`POS request → QR on the customer display (${RUNS} runs): ${spread(viaPos)}`);
console.log(`  floor, the same payment keyed at the till:          ${spread(keyed)}`);
console.log(`  ratio at p50: ${fmt(percentile(viaPos, 50) / percentile(keyed, 50))}×`);
console.log(
  `keyed at the till during a POS flood (${Math.round((floodSent * 1000) / floodMs)} refused requests/s): ${spread(keyedInFlood)}`,
);
console.log(`  ratio at p50 to the floor: ${fmt(percentile(keyedInFlood, 50) / percentile(keyed, 50))}×`);

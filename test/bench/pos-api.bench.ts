// POS request → QR on the customer display: from the moment a POS sends POST /v1/payments (real HTTP,
// bearer key, idempotency record journaled with the attempt) to the till's customer-display push that
// carries the QR. Floor, measured in the same run on the same till: the same payment keyed at the till
// (the sale.payActive command a cashier's Charge sends) → the same push. Runs alternate so both see the
// same load. The display's own drawing is the same for both and is not in either figure.
// BENCH_RUNS sets the runs of each (12).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
try {
  await signIn(core);
  for (let i = 0; i < RUNS * 2; i++) {
    const fromPos = i % 2 === 0;
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
        body: JSON.stringify({ amountCents: 1500 + i, method: 'WECHATPAY', reference: `B${i}` }),
      });
      if (res.status !== 201) throw new Error(`POS answered ${res.status}: ${await res.text()}`);
    } else {
      await dispatch(core, 'till', 'sale.new', {});
      const r = await dispatch(core, 'till', 'sale.payActive', {
        amountCents: 1500 + i,
        tipCents: 0,
        wallet: 'WECHATPAY',
      });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    }
    const qr = await shown;
    (fromPos ? viaPos : keyed).push(msSince(t));
    // The customer pays, so the next sale (POS or keyed) starts from a finished one.
    const done = paid(core);
    await fetch(`${qr}/pay`, { method: 'POST' });
    await done;
  }
} finally {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`POS request → QR on the customer display (${RUNS} runs): ${spread(viaPos)}`);
console.log(`  floor, the same payment keyed at the till:          ${spread(keyed)}`);
console.log(`  ratio at p50: ${fmt(percentile(viaPos, 50) / percentile(keyed, 50))}×`);

// A charge's journal writes, against the real simulator over HTTP on a real journal file: the attempt
// and its SEND commit together before the request reaches the gateway (rule 1, one fsync instead of
// two), and the answer commits once more before the QR is shown: two durable commits per charge.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { createSimulator, type Simulator } from '../../../electron/core/simulator/index.ts';
import { FAST_SIM, makeRig, type Rig } from './harness.ts';

let sim: Simulator;
let rig: Rig;
before(async () => {
  sim = await createSimulator({ timings: FAST_SIM, callbackRetryDelaysMs: [] });
  rig = await makeRig({ sim, timing: { activePollMs: 60_000 } });
});
after(async () => {
  await rig.close();
  await sim.close();
});

describe('charge → QR journal writes', () => {
  it('the attempt and its SEND are durable before the ACTIVEPAY arrives; two commits in all', async () => {
    const reader = new Database(path.join(rig.dir, 'till.db'), { readonly: true });
    const onDisk = reader.prepare('SELECT state FROM attempts WHERE order_id = ?');
    const trail = reader.prepare('SELECT type FROM events WHERE entity_id = ? ORDER BY seq');
    const atArrival: Array<{ state: string | null; events: string[] }> = [];
    const stop = sim.control.subscribe((e) => {
      if (e.type !== 'request' || e.action !== 'ACTIVEPAY' || !e.orderId) return;
      const row = onDisk.get(e.orderId) as { state: string } | undefined;
      const events = (trail.all(e.orderId) as Array<{ type: string }>).map((r) => r.type);
      atArrival.push({ state: row?.state ?? null, events });
    });
    const write = rig.journal.write.bind(rig.journal);
    let commits = 0;
    rig.journal.write = <T>(fn: () => T): T => {
      if (!rig.handle.db.inTransaction) commits += 1;
      return write(fn);
    };
    try {
      rig.engine.newSale();
      const a = await rig.engine.payActive({ amountCents: 1200, tipCents: 0, wallet: 'WECHATPAY' });
      assert.equal(a.state, 'awaiting_customer');
      assert.equal(commits, 2, 'attempt + SEND, then the answer');
      assert.deepEqual(atArrival, [{ state: 'submitted', events: ['attempt.created', 'attempt.send'] }]);
      assert.equal((onDisk.get(a.orderId) as { state: string }).state, 'awaiting_customer');
    } finally {
      rig.journal.write = write;
      stop();
      reader.close();
    }
  });
});

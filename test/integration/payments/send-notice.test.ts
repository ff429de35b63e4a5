// When the screens hear of a pay request's SEND: after the attempt is durable and the request has been
// handed to HTTP (what a till does on a change — its views, its snapshot — no longer delays the
// request), and always before the answer's own change. Real simulator over HTTP, real journal file;
// the client's HTTP is wrapped only to note the moment a request is handed to it.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { createHttpTransport, type Transport } from '../../../electron/core/gateway/transport.ts';
import { createSimulator, type Simulator } from '../../../electron/core/simulator/index.ts';
import { CODES, FAST_SIM, makeRig, type Rig } from './harness.ts';

let sim: Simulator;
let rig: Rig;
let reader: Database.Database;
const order: string[] = [];

before(async () => {
  sim = await createSimulator({ timings: FAST_SIM, callbackRetryDelaysMs: [] });
  const http = createHttpTransport();
  const noting: Transport = {
    post(request) {
      const action = (JSON.parse(request.body) as { action: string }).action;
      if (action !== 'EX_RATE_QUERY') order.push(`request ${action}`);
      return http.post(request);
    },
    close: () => http.close(),
  };
  rig = await makeRig({ sim, transport: noting, timing: { activePollMs: 60_000, passivePollMs: 60_000 } });
  reader = new Database(path.join(rig.dir, 'till.db'), { readonly: true });
  const stateOnDisk = reader.prepare('SELECT state FROM attempts WHERE attempt_id = ?');
  rig.engine.onChange((change) => {
    if (change.kind !== 'attempt') return;
    const onDisk = (stateOnDisk.get(change.attempt.attemptId) as { state: string } | undefined)?.state;
    order.push(`heard ${change.attempt.state} (journal: ${onDisk})`);
  });
});
after(async () => {
  reader.close();
  await rig.close();
  await sim.close();
});

describe('the SEND notice', () => {
  it('active pay: durable, then the request, then the screens hear of it, then the QR', async () => {
    order.length = 0;
    rig.engine.newSale();
    const a = await rig.engine.payActive({ amountCents: 1200, tipCents: 0, wallet: 'WECHATPAY' });
    assert.ok(a.qr);
    assert.deepEqual(order, [
      'request ACTIVEPAY',
      'heard submitted (journal: submitted)',
      'heard awaiting_customer (journal: awaiting_customer)',
    ]);
    rig.engine.cancel();
    rig.engine.newSale();
  });

  it('passive pay: the same order, the answer told last', async () => {
    order.length = 0;
    await rig.engine.beginPassive({ amountCents: 1500, tipCents: 0 });
    const a = await rig.engine.submitPassiveCode(CODES.WECHATPAY());
    assert.equal(a.state, 'paid');
    assert.deepEqual(order, [
      'request PASSIVEPAY',
      'heard submitted (journal: submitted)',
      'heard paid (journal: paid)',
    ]);
    rig.engine.newSale();
  });
});

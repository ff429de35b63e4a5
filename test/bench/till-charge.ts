// Charge → QR as the screens get it: `sale.payActive` through dispatch on a whole sandbox till (its
// embedded simulator, journal, staff, views and payments fan-out), until the customer display's view
// and the till's snapshot carry the QR — beside the raw loopback ACTIVEPAY to the same simulator, timed
// just before each charge. The engine-only figure (payActive with no listener) leaves out everything
// the till does when a payment changes: the fan-out and the snapshot pushed to the screens.
// Each charge is then closed as a shop would: the customer closes the order on the simulator, the
// cashier cancels, one recheck settles it — so no attempt stays live in the background and the
// snapshots do not grow with the run. The till logs to a rotating file as the Electron main does; the
// log lines written during each charge are timed (each is a synchronous append on the path it is on).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createTillCore } from '../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../electron/core/config/secret-store.ts';
import { dispatch } from '../../electron/core/dispatch.ts';
import { createRotatingFileSink } from '../../electron/core/logging/rotating-file-sink.ts';
import { SANDBOX_OPERATOR_ID } from '../../electron/core/simulator/index.ts';
import type { AttemptView, CustomerView, TillSnapshot } from '../../shared/domain.ts';
import { createOrderIdGenerator } from '../../shared/payments/order-id.ts';
import { signIn } from '../support/sign-in.ts';
import { fmt, percentile, post, sealedRequest, spread } from './bench-support.ts';

export async function tillChargeToQr(dir: string, charges: number, warmup: number): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(dir, 'till-'));
  const file = createRotatingFileSink({ dir: path.join(dataDir, 'logs') });
  let charging = false;
  const logWrites: number[] = [];
  const logger = {
    write(line: string) {
      const t = performance.now();
      file.write(line);
      if (charging) logWrites.push(performance.now() - t);
    },
  };
  const core = await createTillCore({ dataDir, secrets: createMemorySecretStore(), logger });
  const agent = new http.Agent({ keepAlive: false });
  const floor: number[] = [];
  const toView: number[] = [];
  const toSnapshot: number[] = [];
  const answered: number[] = [];
  let started = 0;
  let viewAt = 0;
  let snapshotAt = 0;
  let snapshotBytes = 0;
  // As a transport would: each event is serialised for its screen (the web shell's streams send JSON).
  const offTill = core.subscribe('till', (name, payload) => {
    const text = JSON.stringify(payload);
    if (name !== 'till.snapshot') return;
    snapshotBytes = text.length;
    if (snapshotAt === 0 && (payload as TillSnapshot).sale?.attempt?.qr) snapshotAt = performance.now();
  });
  const offCustomer = core.subscribe('customer', (name, payload) => {
    JSON.stringify(payload);
    if (name === 'customer.view' && viewAt === 0 && (payload as CustomerView).qrPayload)
      viewAt = performance.now();
  });
  const run = async <T>(name: string, payload: unknown): Promise<T> => {
    const r = await dispatch(core, 'till', name, payload);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  try {
    await signIn(core);
    const url = core.sandboxInfo?.simulatorUrl;
    if (!url) throw new Error('the till did not start in sandbox');
    const ids = createOrderIdGenerator({ terminalNo: 'F1', now: Date.now, random: Math.random });
    for (let i = -warmup; i < charges; i++) {
      const body = sealedRequest('ACTIVEPAY', {
        order_id: ids.next(),
        operator_id: SANDBOX_OPERATOR_ID,
        amount: '1000',
        biz_type: 'WECHATPAY',
        call_back_url: 'http://127.0.0.1/cb',
      });
      const t = performance.now();
      await post(`${url}/processV2`, body, agent);
      const floorMs = performance.now() - t;
      viewAt = 0;
      snapshotAt = 0;
      if (i === 0) logWrites.length = 0;
      charging = true;
      started = performance.now();
      const a = await run<AttemptView>('sale.payActive', {
        amountCents: 1000,
        tipCents: 0,
        wallet: 'WECHATPAY',
      });
      const end = performance.now();
      charging = false;
      if (!a.qr || viewAt === 0 || snapshotAt === 0) throw new Error(`no QR shown: ${a.state}`);
      if (i >= 0) {
        floor.push(floorMs);
        toView.push(viewAt - started);
        toSnapshot.push(snapshotAt - started);
        answered.push(end - started);
      }
      await post(`${url}/_sim/orders/${encodeURIComponent(a.orderId)}/cancel`, '', agent);
      await run('sale.cancel', {});
      await run('attempt.recheck', { attemptId: a.attemptId });
      await run('sale.new', {});
    }
  } finally {
    offTill();
    offCustomer();
    await core.close();
  }
  const f99 = percentile(floor, 99);
  const v99 = percentile(toView, 99);
  console.log(`till: charge → QR on the customer view: ${spread(toView)} over ${charges}`);
  console.log(`till: charge → QR in the till snapshot: ${spread(toSnapshot)}`);
  console.log(`till: charge → payActive answered:      ${spread(answered)}`);
  console.log(`till: raw loopback ACTIVEPAY (floor):   ${spread(floor)}`);
  console.log(
    `till: customer view minus floor:        median ${fmt(percentile(toView, 50) - percentile(floor, 50))} ms, ` +
      `p99 minus floor p99 ${fmt(v99 - f99)} ms (ratio ${(v99 / f99).toFixed(2)}x)`,
  );
  console.log(
    `till: log lines written in charges: ${(logWrites.length / Math.max(1, charges)).toFixed(1)} a charge, ` +
      `each ${spread(logWrites)} (synchronous appends)`,
  );
  console.log(
    `till: snapshot ${snapshotBytes} bytes as JSON; load ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
}

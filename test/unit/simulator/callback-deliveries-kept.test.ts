// The simulator's call-back log keeps only its newest deliveries: a sandbox till paid thousands of
// times must not hold every delivery it ever made (the soak saw the list grow with every sale).
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { systemClock } from '../../../electron/core/clock.ts';
import {
  type CallbackDelivery,
  CallbackSender,
  KEPT_DELIVERIES,
} from '../../../electron/core/simulator/callbacks.ts';
import type { SimOrder } from '../../../electron/core/simulator/ledger.ts';
import { simOrder } from '../../support/sim-order.ts';

function paidOrder(n: number, url: string): SimOrder {
  return simOrder(`ORDER${n}`, {
    amountCents: 100 + n,
    status: 'success',
    scenario: null,
    paidAt: 0,
    callbackUrl: url,
    walletTxnId: `TXN${n}`,
  });
}

test('the delivery log keeps the newest deliveries only, whatever the number of call-backs', async (t) => {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('SUCCESS'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => server.close());
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cb`;

  let seen = 0;
  let allSeen: () => void = () => {};
  const done = new Promise<void>((r) => {
    allSeen = r;
  });
  const sender = new CallbackSender({
    clock: systemClock,
    retryDelaysMs: [],
    timeoutMs: 5_000,
    numericFields: false,
    exchangeRate: 5.1,
    keptDeliveries: 3,
    onDelivery: (_d: CallbackDelivery) => {
      seen += 1;
      if (seen === 7) allSeen();
    },
  });
  t.after(() => sender.close());
  for (let n = 0; n < 7; n += 1) {
    sender.send(paidOrder(n, url), 'k'.repeat(32), { duplicate: false, forged: false });
  }
  await done;

  const kept = sender.deliveries();
  assert.equal(kept.length, 3);
  assert.ok(kept.every((d) => d.delivered));
  assert.equal(new Set(kept.map((d) => d.orderId)).size, 3);
  assert.ok(KEPT_DELIVERIES >= 100, 'the default still shows a day of call-backs to a test');
});

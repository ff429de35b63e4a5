// A pay request that reaches OTTPay after the till has stopped waiting for it, later than the "no such
// order" grace: the till has already failed the attempt (the gateway said it never had it). One grace
// later the till asks once more; the order is there, paid, and the attempt is put in front of a person
// at once (needs attention) — also when the till restarted in between. Real simulator over HTTP; the
// only stand-in is the network, which holds the pay request back and delivers it when the test says.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import {
  createHttpTransport,
  type Transport,
  TransportError,
  type TransportRequest,
} from '../../../electron/core/gateway/transport.ts';
import type { RefundRow } from '../../../electron/core/journal/rows.ts';
import { CODES, makeRig, type Rig } from './harness.ts';

/** HTTP that keeps the first request of this action back (the till sees no answer) until deliver() sends it. */
function lateNetwork(action = 'PASSIVEPAY'): Transport & { deliver(): Promise<number> } {
  const http = createHttpTransport();
  let held: TransportRequest | null = null;
  let holding = true;
  return {
    async post(req) {
      if (holding && req.body.includes(`"action":"${action}"`)) {
        holding = false;
        held = req;
        throw new TransportError('timeout', true, 'no answer before the deadline');
      }
      return http.post(req);
    },
    async deliver() {
      if (!held) throw new Error('no request was held');
      return (await http.post({ ...held, timeoutMs: 5_000 })).status;
    },
    close: () => http.close(),
  };
}

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

async function failedByNotFound(
  network: ReturnType<typeof lateNetwork>,
): Promise<{ rig: Rig; attemptId: string }> {
  const r = await makeRig({ transport: network });
  rig = r;
  await r.engine.beginPassive({ amountCents: 1200, tipCents: 0 });
  const a = await r.engine.submitPassiveCode(CODES.WECHATPAY(), 'serial');
  assert.equal(a.state, 'unknown');
  const failed = await r.until(a.attemptId, (x) => x.state === 'failed', 'failed');
  assert.match(failed.reason ?? '', /never received/);
  assert.equal(failed.needsAttention, false);
  return { rig: r, attemptId: a.attemptId };
}

/** Resolves when the journal's refund row matches, checking now and after each change the engine reports. */
function untilRefund(r: Rig, refundId: string, match: (row: RefundRow) => boolean): Promise<RefundRow> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const row = r.journal.refunds.get(refundId);
      if (row && match(row)) {
        stop();
        clearTimeout(guard);
        resolve(row);
      }
    };
    const stop = r.engine.onChange(check);
    // A failure guard, not a synchronisation: the wait itself ends on the engine's change events.
    const guard = setTimeout(() => {
      stop();
      reject(
        new Error(`refund ${refundId} never matched: ${JSON.stringify(r.journal.refunds.get(refundId))}`),
      );
    }, 20_000);
    check();
  });
}

describe('the second look after "no such order"', () => {
  it('an order that turns up paid after the till failed it needs a person', async () => {
    const network = lateNetwork();
    const { rig: r, attemptId } = await failedByNotFound(network);
    assert.equal(await network.deliver(), 200);
    assert.equal(r.sim.control.order(r.engine.attempt(attemptId).orderId)?.status, 'success');
    const flagged = await r.until(attemptId, (x) => x.needsAttention, 'needs attention');
    assert.equal(flagged.state, 'failed', 'forward only: a person decides, with the gateway confirming');
    assert.match(flagged.reason ?? '', /paid but it is failed here/);
    assert.deepEqual(
      r.engine.needsAttention().map((x) => x.attemptId),
      [attemptId],
    );
    assert.ok(r.engine.history(attemptId).some((e) => e.type === 'attempt.conflict'));
  });

  it('leaves the attempt alone when the order still is not there', async () => {
    const network = lateNetwork();
    const { rig: r, attemptId } = await failedByNotFound(network);
    const orderId = r.engine.attempt(attemptId).orderId;
    // The second look: a STATUS_QUERY for this order after the failure.
    await new Promise<void>((resolve) => {
      const stop = r.sim.control.subscribe((e) => {
        if (e.type === 'request' && e.action === 'STATUS_QUERY' && e.orderId === orderId) {
          stop();
          resolve();
        }
      });
    });
    await r.engine.close();
    const after = r.engine.attempt(attemptId);
    assert.equal(after.state, 'failed');
    assert.equal(after.needsAttention, false);
  });

  it('survives a restart between the failure and the second look', async () => {
    const network = lateNetwork();
    const { rig: r, attemptId } = await failedByNotFound(network);
    await r.restart();
    await r.engine.recover();
    assert.equal(await network.deliver(), 200);
    const flagged = await r.until(attemptId, (x) => x.needsAttention, 'needs attention');
    assert.equal(flagged.state, 'failed');
  });

  it('a refund that turns up done after the till failed it needs a person', async () => {
    const network = lateNetwork('REFUND');
    const r = await makeRig({ transport: network });
    rig = r;
    await r.engine.beginPassive({ amountCents: 1200, tipCents: 0 });
    const paid = await r.engine.submitPassiveCode(CODES.WECHATPAY(), 'serial');
    assert.equal(paid.state, 'paid');
    const asked = await r.engine.refund({ attemptId: paid.attemptId, amountCents: 500 });
    const failed = await untilRefund(r, asked.refundId, (row) => row.state === 'failed');
    assert.match(failed.reason ?? '', /never received this refund/);
    assert.equal(await network.deliver(), 200);
    const flagged = await untilRefund(r, asked.refundId, (row) => row.needsAttention);
    assert.equal(flagged.state, 'failed');
    assert.match(flagged.reason ?? '', /done but it failed here/);
  });
});

// The payment-safety rules end to end: one live attempt per sale, single-use codes, offline honesty,
// call-backs (duplicates, forgeries, none at all), refunds, overrides, recovery, reports, reconciliation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createGatewayClient } from '../../../electron/core/gateway/client.ts';
import { sealData } from '../../../electron/core/gateway/envelope.ts';
import { createJournal } from '../../../electron/core/journal/journal.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';
import { createPaymentsEngine } from '../../../electron/core/payments/engine.ts';
import { localDate } from '../../../electron/core/payments/local-day.ts';
import {
  createSimulator,
  SANDBOX_MERCHANT_ID,
  SANDBOX_SIGN_KEY,
  type Simulator,
} from '../../../electron/core/simulator/index.ts';
import { AppError } from '../../../shared/result.ts';
import { TEST_CODE_HASH_KEY } from '../../support/code-hash-key.ts';
import { CODES, FAST_SIM, makeRig, type Rig } from './harness.ts';

let sim: Simulator;
let rig: Rig;
before(async () => {
  sim = await createSimulator({ timings: FAST_SIM, callbackRetryDelaysMs: [100, 200] });
  rig = await makeRig({ sim, callbacks: true });
});
after(async () => {
  await rig.close();
  await sim.close();
});

const today = () => localDate(Date.now(), 'America/Toronto');
const isApp = (code: string) => (err: unknown) => err instanceof AppError && err.code === code;

async function paidActive(amountCents: number, tipCents = 0) {
  rig.engine.newSale();
  const a = await rig.engine.payActive({ amountCents, tipCents, wallet: 'WECHATPAY' });
  sim.control.pay(a.orderId);
  return rig.until(a.attemptId, (x) => x.state === 'paid');
}

describe('one live attempt per sale', () => {
  it('refuses a second wallet attempt while one is live, with the reason', async () => {
    rig.engine.newSale();
    const a = await rig.engine.payActive({ amountCents: 3000, tipCents: 0, wallet: 'ALIPAY' });
    await assert.rejects(
      rig.engine.payActive({ amountCents: 3000, tipCents: 0, wallet: 'WECHATPAY' }),
      (err: unknown) => {
        return (
          err instanceof AppError && err.code === 'CONFLICT' && /charge the customer twice/.test(err.message)
        );
      },
    );
    await assert.rejects(rig.engine.beginPassive({ amountCents: 3000, tipCents: 0 }), isApp('CONFLICT'));
    assert.throws(() => rig.engine.newSale(), isApp('CONFLICT'));
    // Cancel: the QR goes away but the attempt is still live until the gateway answers.
    const view = rig.engine.cancel();
    assert.equal(view?.attempt?.state, 'cancelling');
    await assert.rejects(
      rig.engine.payActive({ amountCents: 3000, tipCents: 0, wallet: 'WECHATPAY' }),
      isApp('CONFLICT'),
    );
    // The customer pays late anyway: a late success is a success.
    sim.control.pay(a.orderId);
    assert.equal((await rig.until(a.attemptId, (x) => x.state === 'paid')).state, 'paid');
    assert.equal(rig.engine.currentSale()?.phase, 'paid');
    await assert.rejects(
      rig.engine.payActive({ amountCents: 3000, tipCents: 0, wallet: 'WECHATPAY' }),
      /already paid/,
    );
  });
});

describe('wallet codes', () => {
  it('are single-use across the journal and stored only masked + hashed', async () => {
    rig.engine.newSale();
    await rig.engine.beginPassive({ amountCents: 1500, tipCents: 0 });
    const code = CODES.WECHATPAY();
    const a = await rig.engine.submitPassiveCode(code);
    assert.equal(a.state, 'paid');
    assert.equal(rig.engine.isCodeUsed(code), true);
    rig.engine.newSale();
    await rig.engine.beginPassive({ amountCents: 1500, tipCents: 0 });
    await assert.rejects(rig.engine.submitPassiveCode(code), isApp('CONFLICT'));
    await assert.rejects(rig.engine.submitPassiveCode('4006381333931'), isApp('VALIDATION'));
    const dump =
      JSON.stringify(rig.journal.db.prepare('SELECT * FROM attempts').all()) +
      JSON.stringify(rig.journal.db.prepare('SELECT * FROM events').all());
    assert.ok(!dump.includes(code), 'the clear code is nowhere in the journal');
    rig.engine.cancel();
  });
});

describe('gateway down', () => {
  it('refuses wallet payments up front, journals nothing, and says so plainly', async () => {
    const dead = await createSimulator();
    const url = dead.url;
    await dead.close();
    const handle = openJournal({ path: `${rig.dir}/down.db` });
    const journal = createJournal(handle.db);
    const gateway = createGatewayClient({
      baseUrl: url,
      merchantId: SANDBOX_MERCHANT_ID,
      operatorId: '0000000001',
      signKey: '0123456789ABCDEF',
      queryRetry: { maxAttempts: 1 },
    });
    const engine = createPaymentsEngine({
      codeHashKey: TEST_CODE_HASH_KEY,
      journal,
      gateway,
      terminalNo: 'T9',
      operatorId: '1',
      merchantId: SANDBOX_MERCHANT_ID,
      currency: 'CAD',
    });
    try {
      await assert.rejects(
        engine.payActive({ amountCents: 100, tipCents: 0, wallet: 'ALIPAY' }),
        (err: unknown) => {
          return (
            err instanceof AppError &&
            err.code === 'GATEWAY_UNREACHABLE' &&
            /Nothing was charged/.test(err.message)
          );
        },
      );
      await assert.rejects(
        engine.beginPassive({ amountCents: 100, tipCents: 0 }),
        isApp('GATEWAY_UNREACHABLE'),
      );
      assert.equal(engine.gatewayHealth().state, 'down');
      assert.equal((journal.db.prepare('SELECT count(*) AS n FROM attempts').get() as { n: number }).n, 0);
    } finally {
      await engine.close();
      gateway.close();
      handle.close();
    }
  });
});

describe('call-backs', () => {
  it('are idempotent under duplicates and record forged ones without acting on them', async () => {
    sim.control.setFaults({ duplicateCallbacks: true, forgedCallbacks: true });
    try {
      const a = await paidActive(4100);
      await sim.control.waitFor(
        (e) => e.type === 'callback' && e.delivery.orderId === a.orderId && e.delivery.copy === 'duplicate',
      );
      const verdicts = rig.journal.callbacks.forOrder(a.orderId).map((c) => c.verdict);
      assert.ok(
        verdicts.includes('duplicate') || verdicts.filter((v) => v === 'accepted').length >= 1,
        verdicts.join(),
      );
      // Forged ones are counted as evidence, never given a row each.
      const forged = rig.engine.rejectedCallbacks().counters.filter((c) => c.kind === 'forged');
      assert.ok(forged.reduce((n, c) => n + c.count, 0) >= 1, 'forged call-back counted');
      assert.equal(
        rig.engine.history(a.attemptId).filter((e) => e.toState === 'paid' && e.fromState !== 'paid').length,
        1,
      );
    } finally {
      sim.control.setFaults({ duplicateCallbacks: false, forgedCallbacks: false });
    }
  });

  it('a call-back for an order the journal does not know is rejected and recorded', async () => {
    const answer = await rig.engine.handleCallback(
      '{"rsp_code":"SUCCESS","data":"AAAA","md5":"00"}',
      '10.0.0.9',
    );
    assert.equal(answer.status, 400);
    assert.equal(answer.body.rsp_code, 'FAIL');
  });

  it('a signed call-back with another amount or for another merchant is rejected, recorded, not acted on', async () => {
    rig.engine.newSale();
    const a = await rig.engine.payActive({ amountCents: 4300, tipCents: 0, wallet: 'ALIPAY' });
    const signed = (data: Record<string, string>) =>
      JSON.stringify({
        rsp_code: 'SUCCESS',
        rsp_msg: 'success',
        merchant_id: data.merchant_id,
        ...sealData(data, SANDBOX_SIGN_KEY),
      });
    const paidData = { order_id: a.orderId, merchant_id: SANDBOX_MERCHANT_ID, order_status: 'success' };
    const wrongAmount = await rig.engine.handleCallback(signed({ ...paidData, amount: '1' }), '10.0.0.7');
    assert.equal(wrongAmount.status, 400);
    const otherMerchant = await rig.engine.handleCallback(
      signed({ ...paidData, merchant_id: 'QC00000777', amount: '4300' }),
      '10.0.0.8',
    );
    assert.equal(otherMerchant.status, 400);

    const recorded = rig.journal.callbacks
      .receivedBetween(0, Number.MAX_SAFE_INTEGER)
      .filter((c) => c.remote === '10.0.0.7' || c.remote === '10.0.0.8');
    assert.deepEqual(
      recorded.map((c) => [c.verdict, c.remote]),
      [
        ['mismatch', '10.0.0.7'],
        ['mismatch', '10.0.0.8'],
      ],
    );
    assert.equal(recorded[0]?.orderId, a.orderId);
    assert.equal(recorded[0]?.amountCents, 1);
    assert.equal(recorded[0]?.currency, 'CAD', 'the amount is kept with its currency');
    assert.match(recorded[0]?.note ?? '', /amount 1 does not match 4300/);
    assert.match(recorded[1]?.note ?? '', /merchant/);
    assert.notEqual(rig.engine.attempt(a.attemptId)?.state, 'paid', 'no call-back settles a payment alone');
    rig.engine.cancel();
    await rig.until(a.attemptId, (x) => x.state === 'failed' || x.state === 'expired', 'cancelled');
  });

  it('polling alone is enough when no call-back can reach the till', async () => {
    const lonely = await makeRig({ sim, callbacks: false });
    try {
      const a = await lonely.engine.payActive({ amountCents: 4200, tipCents: 0, wallet: 'UNIONPAY' });
      sim.control.pay(a.orderId);
      assert.equal((await lonely.until(a.attemptId, (x) => x.state === 'paid')).state, 'paid');
      assert.equal(lonely.journal.callbacks.forOrder(a.orderId).length, 0);
    } finally {
      await lonely.close();
    }
  });
});

describe('refunds', () => {
  it('partial then full, never beyond what remains, each with its own journaled order id', async () => {
    const a = await paidActive(5000, 500);
    const r1 = await rig.engine.refund({ attemptId: a.attemptId, amountCents: 2000 });
    assert.equal(r1.state, 'refunded');
    assert.notEqual(r1.orderId, a.orderId);
    await assert.rejects(
      rig.engine.refund({ attemptId: a.attemptId, amountCents: 3501 }),
      /Only 35\.00 remains/,
    );
    const r2 = await rig.engine.refund({ attemptId: a.attemptId, amountCents: 3500 });
    assert.equal(r2.state, 'refunded');
    assert.equal(rig.engine.attempt(a.attemptId).refundedCents, 5500);
    await assert.rejects(rig.engine.refund({ attemptId: a.attemptId, amountCents: 1 }), /Nothing remains/);
    assert.deepEqual(
      rig.engine.refunds(a.attemptId).map((r) => r.amountCents),
      [2000, 3500],
    );
    assert.deepEqual(
      rig.engine.history(r1.refundId).map((e) => `${e.type}:${e.toState}`),
      ['refund.created:created', 'refund.send:submitted', 'refund.gateway_refunded:refunded'],
    );
    assert.equal(sim.control.order(a.orderId)?.status, 'fully_refunded');
  });

  it('refuses a refund of a payment that is not paid', async () => {
    rig.engine.newSale();
    await rig.engine.beginPassive({ amountCents: 5099, tipCents: 0 });
    const a = await rig.engine.submitPassiveCode(CODES.ALIPAY());
    await assert.rejects(rig.engine.refund({ attemptId: a.attemptId, amountCents: 100 }), isApp('CONFLICT'));
  });
});

describe('supervisor overrides', () => {
  it('mark failed while the gateway still has the order open: manual, journaled with the reason', async () => {
    rig.engine.newSale();
    const a = await rig.engine.payActive({ amountCents: 6000, tipCents: 0, wallet: 'ALIPAY' });
    const v = await rig.engine.markFailed({ attemptId: a.attemptId, reason: 'customer left' });
    assert.equal(v.state, 'failed');
    assert.equal(v.manual, true);
    const ev = rig.engine.history(a.attemptId).find((e) => e.type === 'attempt.override_failed');
    assert.equal(ev?.cause, 'override');
    assert.equal(ev?.detail.supervisorReason, 'customer left');
    // The customer pays after all: the journal does not move back, but a person is told.
    sim.control.pay(a.orderId);
    await rig.until(a.attemptId, (x) => x.needsAttention, 'needs attention');
    assert.ok(rig.engine.needsAttention().some((x) => x.attemptId === a.attemptId));
    const rec = await rig.engine.reconcile(today());
    assert.ok(rec.differences.some((d) => d.orderId === a.orderId && /Paid at the gateway/.test(d.note)));
    // With the gateway confirming the charge, a supervisor books it so it can be refunded.
    const booked = await rig.engine.markPaid({
      attemptId: a.attemptId,
      walletTxnId: 'TXN1',
      reason: 'gateway shows paid',
    });
    assert.equal(booked.state, 'paid');
    assert.equal(booked.manual, true);
    assert.equal(booked.needsAttention, false);
  });

  it('acknowledge clears the flag of a finished attempt, with a reason, and never of a live one', async () => {
    rig.engine.newSale();
    const a = await rig.engine.payActive({ amountCents: 6200, tipCents: 0, wallet: 'WECHATPAY' });
    assert.throws(
      () => rig.engine.clearAttention({ attemptId: a.attemptId, reason: 'no' }),
      isApp('CONFLICT'),
    );
    await rig.engine.markFailed({ attemptId: a.attemptId, reason: 'customer walked away' });
    sim.control.pay(a.orderId);
    await rig.until(a.attemptId, (x) => x.needsAttention, 'needs attention');
    assert.throws(
      () => rig.engine.clearAttention({ attemptId: a.attemptId, reason: '  ' }),
      isApp('VALIDATION'),
    );
    const cleared = rig.engine.clearAttention({
      attemptId: a.attemptId,
      reason: 'refunded at the OTTPay portal',
    });
    assert.equal(cleared.needsAttention, false);
    assert.equal(cleared.state, 'failed', 'acknowledging moves no money state');
    assert.ok(!rig.engine.needsAttention().some((x) => x.attemptId === a.attemptId));
    const events = rig.engine.history(a.attemptId);
    assert.ok(
      events.some(
        (e) => e.cause === 'override' && JSON.stringify(e.detail).includes('refunded at the OTTPay portal'),
      ),
    );
  });

  it('mark paid defers to the gateway when it can answer', async () => {
    rig.engine.newSale();
    const a = await rig.engine.payActive({ amountCents: 6100, tipCents: 0, wallet: 'ALIPAY' });
    sim.control.pay(a.orderId);
    const v = await rig.engine.markPaid({
      attemptId: a.attemptId,
      walletTxnId: 'X',
      reason: 'phone shows paid',
    });
    assert.equal(v.state, 'paid');
    assert.equal(v.manual, false, 'the gateway said so: not a manual override');
    await assert.rejects(rig.engine.markFailed({ attemptId: a.attemptId, reason: 'x' }), isApp('CONFLICT'));
  });
});

describe('recovery after a restart', () => {
  it('cancels a QR that is no longer shown and resolves it from the gateway', async () => {
    rig.engine.newSale();
    const a = await rig.engine.payActive({ amountCents: 7000, tipCents: 0, wallet: 'WECHATPAY' });
    await rig.restart();
    sim.control.pay(a.orderId);
    const report = await rig.engine.recover();
    assert.equal(report.checked, 1);
    const done = await rig.until(a.attemptId, (x) => x.state === 'paid');
    assert.equal(done.state, 'paid');
    assert.ok(
      rig.engine.history(a.attemptId).some((e) => e.type === 'attempt.cancel' && e.cause === 'recovery'),
    );
    assert.equal(rig.engine.currentSale()?.saleId, a.saleId, 'the open sale comes back');
  });
});

describe('reports', () => {
  it('totals the day by wallet and operator, with refunds, net, manual overrides, CSV and search', async () => {
    const report = rig.engine.dailyReport(today());
    const paid = rig.journal.db
      .prepare("SELECT count(*) AS n, sum(amount_cents + tip_cents) AS g FROM attempts WHERE state = 'paid'")
      .get() as { n: number; g: number };
    assert.equal(
      report.byWallet.reduce((s, w) => s + w.count, 0),
      paid.n,
    );
    assert.equal(report.grossCents, paid.g);
    assert.equal(report.refunds.totalCents, 5500);
    assert.equal(report.netCents, paid.g - 5500);
    assert.ok(report.manualOverrides.length >= 1);
    const csv = rig.engine.exportCsv(today());
    assert.match(csv.filename, /^ottpay-T1-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.equal(csv.csv.split('\r\n')[0]?.split(',')[0], 'kind');
    assert.ok(csv.csv.includes('refund,'));
    const any = rig.engine.search({ limit: 3 });
    assert.equal(any.length, 3);
    const one = any[0];
    assert.ok(one);
    assert.deepEqual(
      rig.engine
        .search({ text: one.orderId.slice(0, 12).toLowerCase(), limit: 50 })
        .map((x) => x.orderId)
        .includes(one.orderId),
      true,
    );
    assert.ok(
      rig.engine
        .search({ amountCents: 5000, from: today(), to: today() })
        .every((x) => x.amountCents === 5000),
    );
  });
});

// The engine's clock-driven behaviour with a ManualClock and a scripted in-memory gateway (a test double
// for the pure engine logic; the real simulator over HTTP is in test/integration/payments): our QR
// expiry, the "not found" grace, the background window ending in "needs attention", and refusals.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../../../electron/core/clock.ts';
import { type GatewayClient, GatewayError, type OrderState } from '../../../electron/core/gateway/types.ts';
import { createJournal } from '../../../electron/core/journal/journal.ts';
import { type JournalHandle, openJournal } from '../../../electron/core/journal/open-journal.ts';
import { createPaymentsEngine, type PaymentsEngine } from '../../../electron/core/payments/engine.ts';
import { AppError } from '../../../shared/result.ts';
import { TEST_CODE_HASH_KEY } from '../../support/code-hash-key.ts';

type Answer = OrderState['status'] | 'not_found' | 'network';
interface Script {
  query: Answer;
  activePay: 'qr' | 'timeout';
  /** While set, a query waits for it before answering (an answer slow to come back). */
  hold: Promise<void> | null;
}

/** Answers queries from a script the test changes as it goes; pay actions answer as configured. */
function scriptedGateway(state: Script): GatewayClient & { queries: number } {
  const order = (orderId: string, status: OrderState['status']): OrderState => ({
    orderId,
    status,
    rspCode: 'SUCCESS',
    totalAmountCents: null,
    tipCents: null,
    refundedCents: null,
    walletTxnId: status === 'success' ? 'W1' : null,
    buyerLoginId: null,
    tradeTimeRaw: null,
    tradeTime: null,
  });
  const g = {
    queries: 0,
    async activePay(req: { orderId: string }) {
      if (state.activePay === 'timeout')
        throw new GatewayError('unknown_outcome', 'no answer — outcome unknown');
      return { orderId: req.orderId, codeUrl: `https://qr.example/${req.orderId}` };
    },
    async passivePay(req: { orderId: string }) {
      return order(req.orderId, 'success');
    },
    async query(orderId: string) {
      g.queries += 1;
      if (state.hold) await state.hold;
      if (state.query === 'not_found') throw new GatewayError('declined', 'no such order', 'FAIL', true);
      if (state.query === 'network') throw new GatewayError('network', 'refused — nothing was sent');
      return order(orderId, state.query);
    },
    async refund(): Promise<never> {
      throw new GatewayError('invalid_request', 'not scripted');
    },
    async refundQuery(): Promise<never> {
      throw new GatewayError('invalid_request', 'not scripted');
    },
    async exchangeRate() {
      return { currency: 'CAD' as const, cnyPerUnit: 5.2, raw: '520000000' };
    },
  };
  return g;
}

let dir: string;
let handle: JournalHandle;
let clock: ManualClock;
let engine: PaymentsEngine;
const script: Script = { query: 'notpay', activePay: 'qr', hold: null };
let gateway: ReturnType<typeof scriptedGateway>;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-timing-'));
  handle = openJournal({ path: path.join(dir, 'till.db') });
  clock = new ManualClock();
  script.query = 'notpay';
  script.activePay = 'qr';
  script.hold = null;
  gateway = scriptedGateway(script);
  engine = createPaymentsEngine({
    codeHashKey: TEST_CODE_HASH_KEY,
    journal: createJournal(handle.db),
    gateway,
    clock,
    terminalNo: 'U1',
    operatorId: '1',
    merchantId: 'SB00000001',
    currency: 'CAD',
    timeZone: 'UTC',
    qrExpiryMs: 120_000,
    timing: { backgroundWindowMs: 60_000, backgroundMaxDelayMs: 10_000, notFoundGraceMs: 30_000 },
  });
});
afterEach(async () => {
  await engine.close();
  handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('engine timing (ManualClock)', () => {
  it('shows the QR until our own expiry, then withdraws it and keeps resolving in the background', async () => {
    const a = await engine.payActive({ amountCents: 500, tipCents: 0, wallet: 'ALIPAY' });
    assert.equal(a.qr?.expiresAt, clock.now() + 120_000);
    await clock.advanceAsync(119_999);
    assert.equal(engine.attempt(a.attemptId).state, 'awaiting_customer');
    assert.ok(gateway.queries >= 55, `polled about every 2 s (${gateway.queries})`);
    await clock.advanceAsync(1);
    const expired = engine.attempt(a.attemptId);
    assert.equal(expired.state, 'cancelling');
    assert.equal(expired.qr, null);
    script.query = 'orderclosed';
    await clock.advanceAsync(10_000);
    assert.equal(engine.attempt(a.attemptId).state, 'expired');
  });

  it('flags an attempt the gateway never settles as "needs attention" after the background window', async () => {
    const a = await engine.payActive({ amountCents: 500, tipCents: 0, wallet: 'ALIPAY' });
    await clock.advanceAsync(120_000 + 59_000);
    assert.equal(engine.attempt(a.attemptId).needsAttention, false);
    await clock.advanceAsync(2_000);
    const v = engine.attempt(a.attemptId);
    assert.equal(v.state, 'cancelling');
    assert.equal(v.needsAttention, true);
    assert.deepEqual(
      engine.needsAttention().map((x) => x.attemptId),
      [a.attemptId],
    );
    // Resolved later by a recheck: the flag clears with the final state.
    script.query = 'success';
    const done = await engine.recheck(a.attemptId);
    assert.equal(done.state, 'paid');
    assert.equal(done.needsAttention, false);
  });

  it('believes "no such order" for a sent request only after the grace period', async () => {
    script.activePay = 'timeout';
    script.query = 'not_found';
    const a = await engine.payActive({ amountCents: 500, tipCents: 0, wallet: 'ALIPAY' });
    assert.equal(a.state, 'unknown');
    await clock.advanceAsync(29_000);
    assert.equal(engine.attempt(a.attemptId).state, 'unknown');
    await clock.advanceAsync(5_000);
    assert.equal(engine.attempt(a.attemptId).state, 'failed');
  });

  it('judges "no such order" by when the query was asked, not when its answer came back', async () => {
    script.activePay = 'timeout';
    script.query = 'not_found';
    const a = await engine.payActive({ amountCents: 500, tipCents: 0, wallet: 'ALIPAY' });
    await clock.advanceAsync(27_000);
    // The next poll goes out inside the grace and its answer is slow to come back.
    let answer = () => {};
    script.hold = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const asked = gateway.queries;
    while (gateway.queries === asked) await clock.advanceAsync(100);
    assert.ok(clock.now() - a.createdAt < 30_000, 'asked inside the grace');
    await clock.advanceAsync(30_000 - (clock.now() - a.createdAt) + 1_000);
    script.hold = null;
    answer();
    await clock.advanceAsync(0);
    assert.equal(engine.attempt(a.attemptId).state, 'unknown', 'an answer to a question asked too early');
    // The next question, asked after the grace, is believed.
    await clock.advanceAsync(11_000);
    assert.equal(engine.attempt(a.attemptId).state, 'failed');
  });

  it('refuses bad amounts, wallets not offered, and a code while not waiting for one', async () => {
    await assert.rejects(
      engine.payActive({ amountCents: 0, tipCents: 0, wallet: 'ALIPAY' }),
      (e: unknown) => e instanceof AppError && e.code === 'VALIDATION',
    );
    await assert.rejects(
      engine.payActive({ amountCents: 1.5, tipCents: 0, wallet: 'ALIPAY' }),
      /whole number/,
    );
    await assert.rejects(
      engine.payActive({ amountCents: 100, tipCents: 0, wallet: 'VISA' as never }),
      /not offered/,
    );
    await assert.rejects(engine.submitPassiveCode('134567890123456789'), /not waiting/);
    assert.equal(engine.cancel(), null);
  });

  it('a passive sale waits for a code, and cancel drops it when nothing is in flight', async () => {
    const sale = await engine.beginPassive({ amountCents: 700, tipCents: 50 });
    assert.equal(sale.phase, 'waiting_for_scan');
    assert.equal(engine.cancel(), null);
    assert.equal(engine.currentSale(), null);
    await engine.beginPassive({ amountCents: 700, tipCents: 50 });
    const a = await engine.submitPassiveCode('284567890123456789');
    assert.equal(a.state, 'paid');
    assert.equal(a.wallet, 'ALIPAY');
    assert.throws(() => engine.cancel(), /refund it instead/);
  });

  it('sets a showing QR aside at once: next sale free, the attempt resolved in the background', async () => {
    const a = await engine.payActive({ amountCents: 500, tipCents: 0, wallet: 'ALIPAY' });
    engine.setAside();
    assert.equal(engine.currentSale(), null, 'the next sale can start');
    const aside = engine.attempt(a.attemptId);
    assert.equal(aside.state, 'cancelling');
    assert.equal(aside.cancelled, true);
    assert.deepEqual(
      engine.inBackground().map((x) => x.attemptId),
      [a.attemptId],
    );
    const next = await engine.payActive({ amountCents: 800, tipCents: 0, wallet: 'WECHATPAY' });
    assert.notEqual(next.saleId, a.saleId);
    // The customer paid the first QR after all: a late success, flagged for a person (refund or goods).
    script.query = 'success';
    await clock.advanceAsync(2_000);
    const late = engine.attempt(a.attemptId);
    assert.equal(late.state, 'paid');
    assert.equal(late.needsAttention, true);
    assert.ok(engine.needsAttention().some((x) => x.attemptId === a.attemptId));
  });

  it('sets an unknown outcome aside; still unresolved when its watch ends, it needs attention', async () => {
    script.activePay = 'timeout';
    const a = await engine.payActive({ amountCents: 595, tipCents: 0, wallet: 'ALIPAY' });
    assert.equal(a.state, 'unknown');
    assert.throws(() => engine.newSale(), /in progress/);
    engine.setAside();
    assert.equal(engine.currentSale(), null);
    assert.equal(engine.inBackground()[0]?.attemptId, a.attemptId);
    assert.equal(engine.attempt(a.attemptId).needsAttention, false);
    await clock.advanceAsync(60_000 + 60_000 + 1_000);
    const v = engine.attempt(a.attemptId);
    assert.equal(v.state, 'cancelling');
    assert.equal(v.needsAttention, true);
    assert.deepEqual(
      engine.needsAttention().map((x) => x.attemptId),
      [a.attemptId],
    );
  });

  it('setting aside a sale with nothing in flight just closes it', async () => {
    await engine.beginPassive({ amountCents: 700, tipCents: 0 });
    engine.setAside();
    assert.equal(engine.currentSale(), null);
    assert.deepEqual(engine.inBackground(), []);
  });
});

// Start-up recovery's journal writes (recovery.ts): the answers to its queries, the cancels of QRs no
// longer shown and the "needs attention" flags each share a transaction, instead of one fsync apiece,
// while at most recoveryConcurrency queries are with the gateway at once. A scripted in-memory gateway
// (a test double for the engine's own logic) answers at once, so the count of commits is exact; the
// same recovery against the real simulator over HTTP is in test/integration/payments.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { GatewayClient, OrderState } from '../../../electron/core/gateway/types.ts';
import { createJournal, type Journal } from '../../../electron/core/journal/journal.ts';
import { type JournalHandle, openJournal } from '../../../electron/core/journal/open-journal.ts';
import type { AttemptRow } from '../../../electron/core/journal/rows.ts';
import { createPaymentsEngine } from '../../../electron/core/payments/engine.ts';
import type { AttemptState } from '../../../shared/domain.ts';
import { TEST_CODE_HASH_KEY } from '../../support/code-hash-key.ts';

let dir: string;
let handle: JournalHandle;
let journal: Journal;
let commits: number;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recovery-batching-'));
  handle = openJournal({ path: path.join(dir, 'till.db') });
  journal = createJournal(handle.db);
});
afterEach(() => {
  handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Counts outermost transactions from now on (each one commit, one fsync). */
function countCommits(): void {
  const write = journal.write.bind(journal);
  commits = 0;
  journal.write = <T>(fn: () => T): T => {
    if (!handle.db.inTransaction) commits += 1;
    return write(fn);
  };
}

/** Attempts a till left in flight when it stopped, written as the till wrote them. */
function leftInFlight(n: number, state: AttemptState, mode: 'active' | 'passive'): AttemptRow[] {
  const now = Date.now();
  const rows: AttemptRow[] = [];
  journal.write(() => {
    for (let i = 0; i < n; i++) {
      const id = `U1${state.slice(0, 3).toUpperCase()}${mode.slice(0, 1)}${String(i).padStart(6, '0')}`;
      journal.sales.insert({
        saleId: id,
        amountCents: 1000,
        tipCents: 0,
        currency: 'CAD',
        operatorId: '1',
        terminalNo: 'U1',
        createdAt: now,
        updatedAt: now,
        closedAt: null,
      });
      const row: AttemptRow = {
        attemptId: id,
        orderId: id,
        saleId: id,
        mode,
        wallet: 'WECHATPAY',
        amountCents: 1000,
        tipCents: 0,
        currency: 'CAD',
        state,
        gatewaySeen: state !== 'submitted',
        reason: null,
        qrPayload: state === 'awaiting_customer' ? `https://qr.example/${id}` : null,
        qrExpiresAt: state === 'awaiting_customer' ? now + 120_000 : null,
        walletTxnId: null,
        codeMasked: null,
        codeHash: null,
        operatorId: '1',
        terminalNo: 'U1',
        createdAt: now,
        updatedAt: now,
        submittedAt: now,
        paidAt: null,
        cancelCause: null,
        needsAttention: false,
        manual: false,
        refundedCents: 0,
      };
      journal.attempts.insert(row);
      rows.push(row);
    }
  });
  return rows;
}

/** Answers STATUS_QUERY at once from `statusOf`, counting how many queries are out at the same time. */
function answeringGateway(statusOf: (orderId: string) => OrderState['status']) {
  const seen = { queries: 0, most: 0, out: 0 };
  const gateway = {
    async query(orderId: string): Promise<OrderState> {
      seen.queries += 1;
      seen.out += 1;
      seen.most = Math.max(seen.most, seen.out);
      await Promise.resolve();
      seen.out -= 1;
      const status = statusOf(orderId);
      return {
        orderId,
        status,
        rspCode: 'SUCCESS',
        totalAmountCents: 1000,
        tipCents: 0,
        refundedCents: null,
        walletTxnId: status === 'success' ? `W${orderId}` : null,
        buyerLoginId: null,
        tradeTimeRaw: null,
        tradeTime: null,
      };
    },
  } as unknown as GatewayClient;
  return { gateway, seen };
}

let points: string[] = [];

function engineWith(gateway: GatewayClient, recoveryTries = 2) {
  points = [];
  return createPaymentsEngine({
    faultPoint: (point) => {
      points.push(point);
    },
    codeHashKey: TEST_CODE_HASH_KEY,
    journal,
    gateway,
    terminalNo: 'U1',
    operatorId: '1',
    merchantId: 'SB00000001',
    currency: 'CAD',
    timeZone: 'UTC',
    timing: { recoveryConcurrency: 4, recoveryTries, recoveryBackoffMs: 1 },
  });
}

describe('start-up recovery journals in batches', () => {
  it('forty answers in one transaction, never more than four queries out at once', async () => {
    const rows = leftInFlight(40, 'submitted', 'passive');
    const paid = new Set(rows.filter((_, i) => i % 2 === 0).map((r) => r.orderId));
    const { gateway, seen } = answeringGateway((id) => (paid.has(id) ? 'success' : 'failure'));
    const engine = engineWith(gateway);
    countCommits();
    const report = await engine.recover();
    const made = commits;
    await engine.close();
    assert.equal(report.checked, 40);
    assert.equal(report.resolved, 40);
    assert.equal(seen.queries, 40);
    assert.equal(seen.most, 4, 'the gateway never had more than recoveryConcurrency queries');
    assert.equal(made, 1, `one commit for forty answers (made ${made})`);
    // The crash harness's recovery points still fire: once at the start, once for the first answer,
    // and after each answer is durable.
    assert.equal(points.filter((p) => p === 'recovery.started').length, 1);
    assert.equal(points.filter((p) => p === 'recovery.answered').length, 1);
    assert.equal(points.filter((p) => p === 'poll.journaled').length, 40);
    for (const r of rows) {
      const row = journal.attempts.get(r.attemptId);
      assert.equal(row?.state, paid.has(r.orderId) ? 'paid' : 'failed', r.attemptId);
      const trail = journal.events.forEntity(r.attemptId).map((e) => `${e.type}:${e.cause}`);
      assert.equal(trail.length, 1, 'each answer has its own event');
    }
  });

  it('cancels the QRs no longer on screen in one transaction and flags what stays unresolved in one', async () => {
    const shown = leftInFlight(10, 'awaiting_customer', 'active');
    const { gateway } = answeringGateway(() => 'notpay');
    // One try: the answers come back together (a second round would follow a real-time backoff).
    const engine = engineWith(gateway, 1);
    countCommits();
    const heard: string[] = [];
    engine.onChange((c) => {
      if (c.kind === 'attempt')
        heard.push(`${c.attempt.attemptId}:${c.attempt.state}:${c.attempt.needsAttention}`);
    });
    const report = await engine.recover();
    const made = commits;
    await engine.close();
    assert.equal(report.unresolved.length, 10);
    // One for the ten cancels, one for the ten answers ("not paid yet" changes nothing, so it writes
    // nothing), one for the ten flags: three, where one apiece made thirty.
    assert.equal(made, 3, `cancels, answers and flags each in one transaction (made ${made})`);
    for (const r of shown) {
      const row = journal.attempts.get(r.attemptId);
      assert.equal(row?.state, 'cancelling');
      assert.equal(row?.needsAttention, true);
      assert.ok(heard.includes(`${r.attemptId}:cancelling:false`), 'the screens heard the cancel');
      assert.ok(heard.includes(`${r.attemptId}:cancelling:true`), 'and the flag');
    }
  });
});

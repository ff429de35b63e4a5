// What every screen update carries of the payments needing attention: a shop that never acknowledges
// its flags (a paid sale of another amount stays flagged) must not make each update carry more than the
// last. The brief holds every unresolved one and every flagged refund's attempt, then the oldest others
// up to a screenful, and says how many there are; `needsAttention()` (the `attention.list` command)
// still gives them all.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { attemptRow } from '../../support/attempt-row.ts';
import { makeRig, type Rig } from './harness.ts';

const SHOWN = 25;
let rig: Rig;
before(async () => {
  rig = await makeRig();
});
after(async () => {
  await rig?.close();
});

const sale = (saleId: string, at: number) => ({
  saleId,
  amountCents: 1000,
  tipCents: 0,
  currency: 'CAD' as const,
  operatorId: '0000000001',
  terminalNo: 'T1',
  createdAt: at,
  updatedAt: at,
  closedAt: at,
});

describe('the attention brief', () => {
  it('carries the unresolved and the refunds among the oldest, and the count of all', () => {
    const j = rig.journal;
    j.write(() => {
      // 40 paid sales of another amount, flagged, oldest first at 1_000…
      for (let i = 0; i < 40; i++) {
        const id = `T1FLAG${String(i).padStart(14, '0')}`;
        j.sales.insert(sale(id, 1_000 + i));
        j.attempts.insert(
          attemptRow(id, 1_000 + i, {
            state: 'paid',
            gatewaySeen: true,
            paidAt: 1_000 + i,
            needsAttention: true,
          }),
        );
      }
      // …an unresolved one, the newest flagged…
      j.sales.insert(sale('T1LIVE00000000000001', 9_000));
      j.attempts.insert(
        attemptRow('T1LIVE00000000000001', 9_000, {
          state: 'unknown',
          gatewaySeen: true,
          needsAttention: true,
        }),
      );
      // …and a paid sale not flagged itself, whose refund's outcome is unknown and flagged.
      j.sales.insert(sale('T1PAID00000000000001', 8_000));
      j.attempts.insert(
        attemptRow('T1PAID00000000000001', 8_000, { state: 'paid', gatewaySeen: true, paidAt: 8_000 }),
      );
      j.refunds.insert({
        refundId: 'T1RFND00000000000001',
        orderId: 'T1RFND00000000000001',
        attemptId: 'T1PAID00000000000001',
        amountCents: 400,
        currency: 'CAD',
        state: 'unknown',
        gatewaySeen: true,
        reason: 'refund outcome unknown',
        operatorId: '0000000001',
        createdAt: 8_500,
        updatedAt: 8_500,
        submittedAt: 8_500,
        needsAttention: true,
      });
    });

    const brief = rig.engine.attentionBrief(SHOWN);
    assert.equal(brief.count, 42);
    assert.equal(brief.attempts.length, SHOWN);
    const ids = brief.attempts.map((a) => a.attemptId);
    const oldest = Array.from({ length: SHOWN - 2 }, (_, i) => `T1FLAG${String(i).padStart(14, '0')}`);
    assert.deepEqual(ids, [...oldest, 'T1PAID00000000000001', 'T1LIVE00000000000001'], 'oldest first');
    const refunded = brief.attempts.find((a) => a.attemptId === 'T1PAID00000000000001');
    assert.equal(refunded?.needsAttention, true);
    assert.equal(refunded?.reason, 'refund outcome unknown');

    const all = rig.engine.needsAttention();
    assert.equal(all.length, 42, 'the whole list is still there');
    assert.deepEqual(
      all.map((a) => a.attemptId),
      [...all].sort((x, y) => x.createdAt - y.createdAt).map((a) => a.attemptId),
    );
  });

  it('is the whole list when there are no more than a screenful', () => {
    const brief = rig.engine.attentionBrief(100);
    assert.equal(brief.count, 42);
    assert.deepEqual(
      brief.attempts.map((a) => a.attemptId),
      rig.engine.needsAttention().map((a) => a.attemptId),
    );
  });
});

// The day report's SQL on crafted batches: per store and till, per wallet and per cashier (the cashier
// id when a till sends one, else its operator), each currency apart, refunds counted on their own day,
// unresolved and flagged attempts counted, a quiet till still listed, and the store filter.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import type { AttemptSnapshot, Batch, RefundSnapshot, StaffEntry } from '../../../electron/store/batch.ts';
import { ingestBatch } from '../../../electron/store/ingest.ts';
import { chainDayReport } from '../../../electron/store/report.ts';
import { migratedCentral } from '../../support/central-batch.ts';
import { startTestPostgres, type TestPostgres } from '../../support/postgres.ts';

let server: TestPostgres;
let client: pg.Client;
const ZONE = 'America/Toronto';
// 2026-03-10 12:00 and 2026-03-11 12:00 in Toronto (UTC-4 after the DST change on the 8th).
const DAY1 = Date.UTC(2026, 2, 10, 16);
const DAY2 = Date.UTC(2026, 2, 11, 16);

function attempt(id: string, over: Partial<AttemptSnapshot>): AttemptSnapshot {
  return {
    attemptId: id,
    orderId: id,
    saleId: `S${id}`,
    mode: 'passive',
    wallet: 'ALIPAY',
    amountCents: 1000,
    tipCents: 0,
    currency: 'CAD',
    state: 'paid',
    operatorId: '7',
    cashierId: null,
    terminalNo: 'T1',
    createdAt: DAY1,
    paidAt: DAY1,
    needsAttention: false,
    manual: false,
    refundedCents: 0,
    ...over,
  };
}

function batch(
  storeId: string,
  tillId: string,
  attempts: AttemptSnapshot[],
  refunds: RefundSnapshot[] = [],
  staff?: StaffEntry[],
): Batch {
  const ids = [...attempts.map((a) => a.attemptId), ...refunds.map((r) => r.refundId)];
  return {
    storeId,
    tillId,
    terminalNo: tillId.toUpperCase(),
    timeZone: ZONE,
    appVersion: 'test',
    sentAt: Date.now(),
    asOfSeq: ids.length,
    events: ids.map((id, i) => ({
      seq: i + 1,
      at: DAY1,
      entity: id.startsWith('R') ? 'refund' : 'attempt',
      entityId: id,
      type: 'x.created',
      cause: 'command',
      fromState: null,
      toState: null,
      detail: {},
    })),
    attempts,
    refunds,
    ...(staff ? { staff } : {}),
  };
}

before(async () => {
  server = await startTestPostgres();
  client = await migratedCentral(server, 'report');
  await ingestBatch(
    client,
    batch(
      'north',
      't1',
      [
        attempt('A1', { amountCents: 1000, tipCents: 150, wallet: 'WECHATPAY', cashierId: 'alice' }),
        attempt('A2', { amountCents: 2500, wallet: 'ALIPAY' }),
        attempt('A3', { amountCents: 999, state: 'failed' }),
        attempt('A4', { amountCents: 700, state: 'unknown' }),
        attempt('A5', { amountCents: 800, needsAttention: true }),
        attempt('A6', { amountCents: 4000, currency: 'USD' }),
        attempt('A7', { amountCents: 5000, createdAt: DAY2, paidAt: DAY2 }),
      ],
      [
        {
          refundId: 'R1',
          attemptId: 'A2',
          orderId: 'R1',
          amountCents: 500,
          currency: 'CAD',
          state: 'refunded',
          operatorId: '7',
          createdAt: DAY2,
          needsAttention: false,
        },
      ],
    ),
  );
  await ingestBatch(client, batch('north', 't2', [attempt('B1', { amountCents: 300, createdAt: DAY2 })]));
  await ingestBatch(client, batch('south', 't3', [attempt('C1', { amountCents: 1234, wallet: 'UNIONPAY' })]));
});
after(async () => {
  await client?.end();
  server?.dispose();
});

describe('chain day report', () => {
  it('sums a day per till and currency, counts unresolved, lists a quiet till, and totals store and chain', async () => {
    const r = await chainDayReport(client, '2026-03-10');
    const north = r.stores.find((s) => s.storeId === 'north');
    const t1cad = north?.tills.find((t) => t.tillId === 't1' && t.currency === 'CAD');
    // A1 1000+150, A2 2500, A5 800 paid (flagged still counts as paid and as unresolved); A4 unknown.
    assert.deepEqual(
      t1cad && {
        paidCount: t1cad.paidCount,
        grossCents: t1cad.grossCents,
        tipCents: t1cad.tipCents,
        refundedCents: t1cad.refundedCents,
        netCents: t1cad.netCents,
        unresolved: t1cad.unresolved,
      },
      { paidCount: 3, grossCents: 4450, tipCents: 150, refundedCents: 0, netCents: 4450, unresolved: 2 },
    );
    assert.equal(north?.tills.find((t) => t.tillId === 't1' && t.currency === 'USD')?.grossCents, 4000);
    const quiet = north?.tills.find((t) => t.tillId === 't2');
    assert.equal(quiet?.currency, null, 'a till with nothing that day is still listed');
    assert.deepEqual(
      r.chain.map((c) => [c.currency, c.grossCents]),
      [
        ['CAD', 4450 + 1234],
        ['USD', 4000],
      ],
    );
    assert.deepEqual(
      r.byCashier
        .filter((c) => c.storeId === 'north' && c.currency === 'CAD')
        .map((c) => [c.cashierId, c.paidCount]),
      [
        ['alice', 1],
        ['7', 2],
      ],
    );
    assert.ok(
      r.byWallet.some((w) => w.storeId === 'south' && w.wallet === 'UNIONPAY' && w.grossCents === 1234),
    );
  });

  it('counts a refund on the day it was made, against the wallet of its payment; filters by store', async () => {
    const r = await chainDayReport(client, '2026-03-11', 'north');
    assert.deepEqual(
      r.stores.map((s) => s.storeId),
      ['north'],
    );
    const t1 = r.stores[0]?.tills.find((t) => t.tillId === 't1');
    assert.equal(t1?.refundedCents, 500);
    assert.equal(t1?.grossCents, 5000);
    assert.equal(t1?.netCents, 4500);
    const alipay = r.byWallet.find((w) => w.wallet === 'ALIPAY');
    assert.equal(alipay?.refundedCents, 500);
    assert.equal(r.stores[0]?.totals[0]?.netCents, 4500 + 300);
  });

  it('keeps the staff of two tills apart: every till numbers its staff accounts from 1, each named by its till', async () => {
    const DAY3 = Date.UTC(2026, 2, 12, 16);
    const on3 = { createdAt: DAY3, paidAt: DAY3 };
    const staff = (name: string): StaffEntry[] => [{ staffId: '1', name, role: 'owner', active: true }];
    await ingestBatch(
      client,
      batch('east', 't4', [attempt('E1', { ...on3, cashierId: '1', terminalNo: 'T4' })], [], staff('Ana')),
    );
    await ingestBatch(
      client,
      batch(
        'east',
        't5',
        [
          attempt('E2', { ...on3, cashierId: '1', terminalNo: 'T5', amountCents: 700 }),
          attempt('E3', { ...on3, cashierId: null, operatorId: '7', terminalNo: 'T5', amountCents: 50 }),
        ],
        [],
        staff('Bo'),
      ),
    );
    const cashiers = async () =>
      (await chainDayReport(client, '2026-03-12', 'east')).byCashier.map((c) => [
        c.tillId,
        c.terminalNo,
        c.cashierId,
        c.name,
        c.paidCount,
        c.grossCents,
      ]);
    assert.deepEqual(await cashiers(), [
      ['t4', 'T4', '1', 'Ana', 1, 1000],
      ['t5', 'T5', '1', 'Bo', 1, 700],
      [null, null, '7', null, 1, 50],
    ]);

    // Till t4 renames its staff account 1: its next batch carries the new name, which the report shows;
    // t5's account 1 keeps its own.
    const next = batch(
      'east',
      't4',
      [attempt('E1', { ...on3, cashierId: '1', terminalNo: 'T4' })],
      [],
      [{ staffId: '1', name: 'Ana Lee', role: 'owner', active: true }],
    );
    next.events = [{ ...(next.events[0] as Batch['events'][number]), seq: 2 }];
    next.asOfSeq = 2;
    await ingestBatch(client, next);
    assert.deepEqual(await cashiers(), [
      ['t4', 'T4', '1', 'Ana Lee', 1, 1000],
      ['t5', 'T5', '1', 'Bo', 1, 700],
      [null, null, '7', null, 1, 50],
    ]);
  });

  it('refuses a staff entry that carries anything more than id, name, role and active (a PIN hash)', async () => {
    const b = batch('east', 't6', [attempt('F1', {})]);
    const withPin = {
      ...b,
      staff: [{ staffId: '1', name: 'Cy', role: 'owner', active: true, pinHash: 'x' }],
    };
    await assert.rejects(ingestBatch(client, withPin as Batch), /batch refused: staff\.0/);
  });

  it('keeps who took and who approved a refund', async () => {
    const refund: RefundSnapshot = {
      refundId: 'R9',
      attemptId: 'G1',
      orderId: 'R9',
      amountCents: 100,
      currency: 'CAD',
      state: 'refunded',
      operatorId: '7',
      createdAt: DAY1,
      needsAttention: false,
      cashierId: '2',
      approverId: '1',
    };
    await ingestBatch(client, batch('west', 't7', [attempt('G1', { cashierId: '2' })], [refund]));
    const r = await client.query(`SELECT cashier_id, approver_id FROM pos.refunds WHERE refund_id = 'R9'`);
    assert.deepEqual(r.rows, [{ cashier_id: '2', approver_id: '1' }]);
  });
});

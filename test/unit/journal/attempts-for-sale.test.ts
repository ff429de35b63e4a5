// A sale's attempts come back oldest first — by creation time, then order id — whatever order they
// were written in (the read sorts them itself rather than ask SQLite to, see attempts-repo.ts).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { createJournal } from '../../../electron/core/journal/journal.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';
import type { AttemptRow } from '../../../electron/core/journal/rows.ts';
import { attemptRow } from '../../support/attempt-row.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attempts-for-sale-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function attempt(orderId: string, saleId: string, createdAt: number, state: AttemptRow['state']): AttemptRow {
  return attemptRow(orderId, createdAt, { saleId, amountCents: 500, state, gatewaySeen: true });
}

describe('attempts.forSale', () => {
  it('orders by creation time, then by order id, not by the order of writing', () => {
    const handle = openJournal({ path: path.join(dir, 'till.db') });
    try {
      const journal = createJournal(handle.db);
      const sale = 'T1SALE00000000000001';
      for (const id of [sale, 'T1SALE00000000000002']) {
        journal.sales.insert({
          saleId: id,
          amountCents: 500,
          tipCents: 0,
          currency: 'CAD',
          operatorId: '0000000001',
          terminalNo: 'T1',
          createdAt: 1_000,
          updatedAt: 1_000,
          closedAt: null,
        });
      }
      journal.write(() => {
        journal.attempts.insert(attempt('T1ORD00000000000009', sale, 3_000, 'awaiting_customer'));
        journal.attempts.insert(attempt('T1ORD00000000000005', sale, 2_000, 'failed'));
        journal.attempts.insert(attempt('T1ORD00000000000004', sale, 2_000, 'expired'));
        journal.attempts.insert(attempt('T1ORD00000000000001', sale, 2_500, 'failed'));
        journal.attempts.insert(attempt('T1ORD00000000000002', 'T1SALE00000000000002', 1_500, 'failed'));
      });
      assert.deepEqual(
        journal.attempts.forSale(sale).map((a) => a.orderId),
        ['T1ORD00000000000004', 'T1ORD00000000000005', 'T1ORD00000000000001', 'T1ORD00000000000009'],
      );
      assert.deepEqual(
        journal.attempts.forSale('T1SALE00000000000002').map((a) => a.orderId),
        ['T1ORD00000000000002'],
      );
      assert.deepEqual(journal.attempts.forSale('T1NOSUCHSALE0000000'), []);
      const first = journal.attempts.forSale(sale)[0];
      assert.equal(first?.gatewaySeen, true, 'rows still come back as AttemptRow (booleans)');
    } finally {
      handle.close();
    }
  });
});

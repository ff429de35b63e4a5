// The CLI's table: one line per till with its figures in major units, a clock far from the server's
// called out, then store and chain totals per currency.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { reportText } from '../../../electron/store/report-text.ts';
import { type TillDayLine, totalsByCurrency } from '../../../shared/store-report.ts';

const line = (over: Partial<TillDayLine>): TillDayLine => ({
  storeId: 'north',
  tillId: 'abcdef0123456789',
  terminalNo: 'T1',
  currency: 'CAD',
  paidCount: 2,
  grossCents: 12345,
  tipCents: 300,
  refundCount: 1,
  refundedCents: 45,
  netCents: 12300,
  unresolved: 0,
  lastShippedAt: '2026-03-10T16:00:00.000Z',
  clockOffsetMs: -3_600_000,
  ...over,
});

it('prints each till, its clock offset, and store and chain totals', () => {
  const tills = [
    line({}),
    line({ tillId: 'ffff000011112222', terminalNo: 'T2', clockOffsetMs: 1000, unresolved: 1 }),
  ];
  const text = reportText({
    day: '2026-03-10',
    storeId: null,
    stores: [{ storeId: 'north', totals: totalsByCurrency(tills), tills }],
    byWallet: [],
    byCashier: [],
    chain: totalsByCurrency(tills),
  });
  const lines = text.split('\n');
  assert.equal(lines[0], 'Chain report for 2026-03-10');
  assert.match(
    lines[3] ?? '',
    /^ {2}till T1 \(abcdef01\) +paid +2 +gross +123\.45 +tips +3\.00 +refunds +0\.45 +net +123\.00 +CAD +\(clock 60 min ahead; last shipped 2026-03-10T16:00:00\.000Z\)$/,
  );
  assert.doesNotMatch(lines[4] ?? '', /clock/);
  assert.match(lines[4] ?? '', /unresolved 1/);
  assert.match(
    lines[5] ?? '',
    /^ {2}store total +paid +4 +gross +246\.90 .* net +246\.00 +CAD +unresolved 1$/,
  );
  assert.match(text, /\nchain total +paid +4 .* net +246\.00 +CAD +unresolved 1\n$/);
});

it('lists the cashiers by name after the totals; an operator id, or an account with no name, by its id', () => {
  const cashier = { storeId: 'north', currency: 'CAD', paidCount: 1, grossCents: 1000, tipCents: 0 };
  const text = reportText({
    day: '2026-03-10',
    storeId: null,
    stores: [],
    byWallet: [],
    byCashier: [
      { ...cashier, tillId: 't4', terminalNo: 'T4', cashierId: '1', name: 'Ana' },
      { ...cashier, tillId: 't4', terminalNo: 'T4', cashierId: '2', name: null },
      { ...cashier, tillId: null, terminalNo: null, cashierId: '7', name: null },
    ],
    chain: [],
  });
  assert.match(text, /\ncashiers, store north\n {2}T4 · Ana +paid +1 +gross +10\.00 +tips +0\.00 +CAD\n/);
  assert.match(text, /\n {2}T4 · 2 +paid +1 /);
  assert.match(text, /\n {2}7 +paid +1 /);
  assert.doesNotMatch(text, /T4 · 1\b/);
});

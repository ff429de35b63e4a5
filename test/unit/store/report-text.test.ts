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

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exchangeRateData, orderStateData, toCents } from '../../../electron/core/gateway/schemas.ts';
import {
  formatBeijingTime,
  formatJavaDateTime,
  parseTradeTime,
} from '../../../electron/core/gateway/trade-time.ts';

test('amounts: strings or numbers of integer cents; anything else is null', () => {
  assert.equal(toCents('100'), 100);
  assert.equal(toCents('100.0'), 100);
  assert.equal(toCents(1), 1);
  assert.equal(toCents(0), 0);
  assert.equal(toCents(12.5), null);
  assert.equal(toCents('-1'), null);
  assert.equal(toCents('1e3'), null);
  assert.equal(toCents(null), null);
  assert.equal(toCents(undefined), null);
});

test('order state: status is case-insensitive and must be a known one', () => {
  const parsed = orderStateData.parse({
    order_status: 'SUCCESS',
    total_amount: 1,
    refund_fee: '0',
    buyer_logon_id: 'x',
  });
  assert.equal(parsed.order_status, 'success');
  assert.equal(parsed.total_amount, 1);
  assert.equal(parsed.refund_fee, 0);
  assert.equal(parsed.buyer_logon_id, 'x');
  assert.equal(parsed.trade_time, null);
  assert.equal(orderStateData.safeParse({ order_status: 'paid-ish' }).success, false);
});

test('exchange rate: string or number, ×10^8, positive', () => {
  assert.deepEqual(exchangeRateData.parse({ rate: '650000000' }).rate, {
    value: 650_000_000,
    raw: '650000000',
  });
  assert.deepEqual(exchangeRateData.parse({ rate: 650_000_000 }).rate, {
    value: 650_000_000,
    raw: '650000000',
  });
  assert.equal(exchangeRateData.safeParse({ rate: 'abc' }).success, false);
  assert.equal(exchangeRateData.safeParse({ rate: 0 }).success, false);
  assert.equal(exchangeRateData.safeParse({}).success, false);
});

test('trade times in every seen shape read as Beijing time', () => {
  const utc = Date.UTC(2020, 3, 13, 16, 8, 58); // = 2020-04-14 00:08:58 in Beijing
  assert.equal(parseTradeTime('Apr 14, 2020 12:08:58 AM'), utc);
  assert.equal(parseTradeTime('2020-04-14 00:08:58'), utc);
  assert.equal(parseTradeTime('20200414000858'), utc);
  assert.equal(parseTradeTime('Apr 14, 2020 12:08:58 PM'), utc + 12 * 3600_000);
  assert.equal(parseTradeTime('2020-02-31 00:00:00'), null);
  assert.equal(parseTradeTime('yesterday'), null);
  assert.equal(parseTradeTime(null), null);
  assert.equal(formatJavaDateTime(utc), 'Apr 14, 2020 12:08:58 AM');
  assert.equal(formatBeijingTime(utc), '2020-04-14 00:08:58');
});

test('a trade time read again (a polled order) reads the same, and the kept reading never answers for other text', () => {
  const utc = Date.UTC(2020, 3, 13, 16, 8, 58);
  const expected: Array<[string, number | null]> = [
    ['Apr 14, 2020 12:08:58 AM', utc],
    ['Apr 14, 2020 12:08:58 AM', utc],
    ['2020-02-31 00:00:00', null],
    ['2020-02-31 00:00:00', null],
    ['Apr 14, 2020 12:08:58 PM', utc + 12 * 3600_000],
    ['20200414000858', utc],
    [' 20200414000858 ', utc],
    ['Apr 14, 2020 12:08:58 PM', utc + 12 * 3600_000],
  ];
  for (const [text, reading] of expected) assert.equal(parseTradeTime(text), reading, text);
  assert.equal(parseTradeTime(''), null);
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { centsToPlain, formatMoney, parseAmount, tipFromPercent } from '../../../shared/money.ts';

describe('parseAmount', () => {
  const cents = (text: string, max?: number) => {
    const r = parseAmount(text, max);
    return r.ok ? r.cents : r.reason;
  };

  it('reads whole amounts, one and two decimals exactly', () => {
    assert.equal(cents('12'), 1200);
    assert.equal(cents('12.5'), 1250);
    assert.equal(cents('12.50'), 1250);
    assert.equal(cents('0.01'), 1);
    assert.equal(cents('19.99'), 1999); // 19.99 * 100 in floating point is 1998.9999…
    assert.equal(cents('  7.10 '), 710);
    assert.equal(cents('12.'), 1200); // the keypad's dot pressed, no decimals yet
  });

  it('reads thousands separators and the French-Canadian decimal comma', () => {
    assert.equal(cents('1,234.56'), 123456);
    assert.equal(cents('12,50'), 1250);
    assert.equal(cents('1 234,5'), 123450);
  });

  it('refuses what is not an amount, with a reason', () => {
    for (const bad of ['', 'abc', '-5', '1e3', '1.234', '.5', '0', '0.00', '1,2,3', 'NaN', '１２']) {
      const r = parseAmount(bad);
      assert.equal(r.ok, false, `"${bad}" should be refused`);
      if (!r.ok) assert.ok(r.reason.length > 0);
    }
  });

  it('enforces the maximum', () => {
    assert.equal(cents('100.00', 10000), 10000);
    assert.match(String(cents('100.01', 10000)), /over the limit of 100\.00/);
    assert.match(String(cents('99999999999')), /too large|over the limit/);
  });
});

describe('formatting', () => {
  it('renders plain cents for logs and CSV', () => {
    assert.equal(centsToPlain(0), '0.00');
    assert.equal(centsToPlain(5), '0.05');
    assert.equal(centsToPlain(123456), '1234.56');
    assert.equal(centsToPlain(-250), '-2.50');
  });

  it('formats by locale', () => {
    assert.equal(formatMoney(123456, 'CAD', 'en-CA'), '$1,234.56');
    assert.match(formatMoney(123456, 'CAD', 'fr-CA'), /^1\s234,56\s\$$/);
    assert.match(formatMoney(100, 'USD', 'en-CA'), /US\$1\.00/);
  });

  it('rounds tips half up to the cent', () => {
    assert.equal(tipFromPercent(1000, 15), 150);
    assert.equal(tipFromPercent(1003, 15), 150); // 150.45
    assert.equal(tipFromPercent(1010, 15), 152); // 151.5 → 152
  });
});

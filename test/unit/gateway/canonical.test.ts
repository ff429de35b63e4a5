import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  canonicalString,
  canonicalValue,
  javaDoubleToString,
} from '../../../electron/core/gateway/canonical.ts';
import { TV1 } from '../../fixtures/ottpay/vectors.ts';

describe('javaDoubleToString', () => {
  const cases: Array<[number, string]> = [
    [1, '1.0'],
    [0, '0.0'],
    [-0, '-0.0'],
    [12.5, '12.5'],
    [100, '100.0'],
    [-1.5, '-1.5'],
    [9_999_999, '9999999.0'],
    [12_345_678, '1.2345678E7'],
    [10_000_000, '1.0E7'],
    [650_000_000, '6.5E8'],
    [123_456_789, '1.23456789E8'],
    [0.001, '0.001'],
    [0.0001, '1.0E-4'],
    [0.1, '0.1'],
    [1234.5678, '1234.5678'],
    [1e21, '1.0E21'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
  ];
  for (const [input, expected] of cases) {
    test(`${input} → ${expected}`, () => assert.equal(javaDoubleToString(input), expected));
  }
});

describe('canonicalString', () => {
  test('reproduces Appendix A (TV1): sorted keys, values only, UTF-8 text kept', () => {
    assert.equal(canonicalString(TV1.data), TV1.canonical);
  });

  test('key order of the object does not matter', () => {
    const reversed = Object.fromEntries(Object.entries(TV1.data).reverse());
    assert.equal(canonicalString(reversed), TV1.canonical);
  });

  test('sorts by code unit, upper case before lower case', () => {
    assert.equal(canonicalString({ b: '2', B: '1', a: '3', _: '0' }), '1032');
  });

  test('numbers as Java renders them, nulls contribute nothing', () => {
    assert.equal(
      canonicalString({ total_amount: 1, refund_fee: 0, rate: 12_345_678, note: null, x: 'y' }),
      '1.2345678E70.01.0y',
    );
  });

  test('booleans and nested values', () => {
    assert.equal(canonicalValue(true), 'true');
    assert.equal(canonicalValue(undefined), '');
    assert.equal(canonicalValue({ a: 1 }), '{"a":1}');
  });
});

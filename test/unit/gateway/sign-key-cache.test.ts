// The client's kept sealed bodies and answers' readings: bounded, oldest first out, and emptied the
// moment the sign key it is asked about changes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SignKeyCache } from '../../../electron/core/gateway/sign-key-cache.ts';

const A = '00112233445566AA';
const B = '00112233445566BB';

test('keeps what it is given for one sign key, and forgets all of it when asked about another', () => {
  const cache = new SignKeyCache<string>(4);
  cache.set(A, 'x', 'sealed under A');
  assert.equal(cache.get(A, 'x'), 'sealed under A');
  // The same entry name under another key is a miss, and the old key's entries are gone for good.
  assert.equal(cache.get(B, 'x'), undefined);
  assert.equal(cache.size, 0);
  assert.equal(cache.get(A, 'x'), undefined);
  cache.set(B, 'x', 'sealed under B');
  cache.set(A, 'y', 'sealed under A');
  assert.equal(cache.get(A, 'y'), 'sealed under A');
  assert.equal(cache.get(B, 'x'), undefined, 'setting under A forgot what B had');
});

test('bounded: the entry used longest ago goes first', () => {
  const cache = new SignKeyCache<number>(3);
  cache.set(A, 'one', 1);
  cache.set(A, 'two', 2);
  cache.set(A, 'three', 3);
  assert.equal(cache.get(A, 'one'), 1); // now the newest
  cache.set(A, 'four', 4);
  assert.equal(cache.size, 3);
  assert.equal(cache.get(A, 'two'), undefined);
  assert.deepEqual(
    ['one', 'three', 'four'].map((k) => cache.get(A, k)),
    [1, 3, 4],
  );
});

test('the newest entry asked for again and again stays newest; the order of the rest holds', () => {
  const cache = new SignKeyCache<number>(3);
  cache.set(A, 'one', 1);
  cache.set(A, 'two', 2);
  cache.set(A, 'three', 3);
  for (let i = 0; i < 5; i++) assert.equal(cache.get(A, 'three'), 3);
  assert.equal(cache.get(A, 'one'), 1); // one, then three, are the newest
  assert.equal(cache.get(A, 'one'), 1);
  cache.set(A, 'four', 4); // two goes
  assert.equal(cache.get(A, 'two'), undefined);
  cache.set(A, 'five', 5); // three goes, then one
  assert.equal(cache.get(A, 'three'), undefined);
  cache.set(A, 'six', 6);
  assert.deepEqual(
    ['one', 'four', 'five', 'six'].map((k) => cache.get(A, k)),
    [undefined, 4, 5, 6],
  );
});

test('the newest entry replaced keeps its place as newest; an older one replaced becomes newest', () => {
  const cache = new SignKeyCache<number>(2);
  cache.set(A, 'one', 1);
  cache.set(A, 'two', 2);
  cache.set(A, 'two', 22);
  assert.equal(cache.size, 2);
  cache.set(A, 'one', 11); // now the newest
  cache.set(A, 'three', 3); // so 'two' goes
  assert.deepEqual(
    ['one', 'two', 'three'].map((k) => cache.get(A, k)),
    [11, undefined, 3],
  );
});

test('after a change of sign key, nothing counts as the newest entry any more', () => {
  const cache = new SignKeyCache<number>(2);
  cache.set(A, 'one', 1);
  assert.equal(cache.get(B, 'one'), undefined);
  cache.set(B, 'two', 2);
  cache.set(B, 'one', 1);
  assert.equal(cache.get(B, 'two'), 2); // moved to newest although 'one' was newest under A
  cache.set(B, 'three', 3); // so 'one' goes
  assert.deepEqual(
    ['one', 'two', 'three'].map((k) => cache.get(B, k)),
    [undefined, 2, 3],
  );
});

test('clear() forgets everything', () => {
  const cache = new SignKeyCache<number>();
  cache.set(A, 'one', 1);
  cache.clear();
  assert.equal(cache.size, 0);
  assert.equal(cache.get(A, 'one'), undefined);
});

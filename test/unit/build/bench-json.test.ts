// `npm run bench -- --json`: a benchmark's printed lines become one JSON object whose keys are the same
// in every run (the line with its numbers taken out), so two runs compare line by line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { benchJson } from '../../../build/scripts/bench-json.ts';
import { BENCH_JSON_PREFIX } from '../../../test/bench/bench-support.ts';

describe('bench --json', () => {
  it('keys every figure by its line without the numbers, keeps alike lines apart, and takes named figures', () => {
    const out = [
      'charge-to-QR: p50 3.20 ms, p99 4.71 ms (floor p50 1.10 ms) ratio 2.9×',
      'no numbers here',
      'row 1: 12 ms',
      'row 2: 14 ms',
      `${BENCH_JSON_PREFIX}{"name":"soak","figures":{"sales":5000}}`,
      '',
    ].join('\n');
    const a = benchJson('payments', out, true, 1.5, BENCH_JSON_PREFIX);
    assert.deepEqual(
      a.figures['charge-to-QR: p# # ms, p# # ms (floor p# # ms) ratio #×'],
      [50, 3.2, 99, 4.71, 50, 1.1, 2.9],
    );
    assert.deepEqual(a.figures['row #: # ms'], [1, 12]);
    assert.deepEqual(a.figures['row #: # ms [2]'], [2, 14]);
    assert.deepEqual(a.named, { soak: { sales: 5000 } });
    assert.equal(Object.keys(a.figures).length, 3);
    // Another run with other numbers: the same keys.
    const b = benchJson('payments', out.replace('3.20', '9.99'), true, 2, BENCH_JSON_PREFIX);
    assert.deepEqual(Object.keys(b.figures), Object.keys(a.figures));
    assert.equal(JSON.parse(JSON.stringify(a)).benchmark, 'payments');
  });
});

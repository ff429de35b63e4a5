import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ScanDedupe } from '../../../shared/scanning/scan-dedupe.ts';

describe('scan dedupe', () => {
  it('the same code twice within the window counts once', () => {
    let now = 10_000;
    const d = new ScanDedupe({ windowMs: 3000, now: () => now });
    assert.equal(d.accept('135481333156664496'), true);
    now += 2999;
    assert.equal(d.accept('135481333156664496'), false);
    assert.equal(d.accept('6276396318978171889'), true, 'another code is not a duplicate');
  });

  it('the window slides while the code keeps coming, and ends after it has been gone long enough', () => {
    const d = new ScanDedupe({ windowMs: 3000 });
    assert.equal(d.accept('A', 0), true);
    assert.equal(d.accept('A', 2500), false);
    assert.equal(d.accept('A', 5000), false);
    assert.equal(d.accept('A', 8001), true);
  });

  it('isDuplicate only looks; remember only notes', () => {
    const d = new ScanDedupe({ windowMs: 1000 });
    assert.equal(d.isDuplicate('A', 0), false);
    assert.equal(d.isDuplicate('A', 10), false);
    d.remember('A', 20);
    assert.equal(d.isDuplicate('A', 1020), true);
    assert.equal(d.isDuplicate('A', 1021), false);
  });

  it('a clock running backwards does not hide a scan', () => {
    const d = new ScanDedupe({ windowMs: 3000 });
    d.accept('A', 10_000);
    assert.equal(d.accept('A', 5_000), true);
  });

  it('remembers a bounded number of codes', () => {
    const d = new ScanDedupe({ windowMs: 60_000, capacity: 3 });
    for (const c of ['A', 'B', 'C', 'D']) d.accept(c, 1);
    assert.equal(d.isDuplicate('A', 2), false, 'the oldest was forgotten');
    assert.equal(d.isDuplicate('D', 2), true);
  });
});

// A short run of the crash harness (test/bench/crash-harness.ts): child till processes SIGKILLed at
// random named points, recovered by new processes, checked against the simulator's ledger.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';

describe('crash recovery', () => {
  it('loses nothing, charges nothing twice, leaves nothing unresolved, keeps the journal whole', () => {
    const harness = path.join('test', 'bench', 'crash-harness.ts');
    const r = spawnSync(process.execPath, [harness, '--runs', '8', '--seed', '20260115'], {
      encoding: 'utf8',
    });
    const lines = r.stdout.trim().split('\n');
    const last = lines[lines.length - 1] ?? '';
    assert.match(last, /^crash-recovery: runs=\d+ lost=\d+ double=\d+ unresolved=\d+ integrity=(ok|FAILED)$/);
    assert.equal(
      last,
      'crash-recovery: runs=8 lost=0 double=0 unresolved=0 integrity=ok',
      r.stdout + r.stderr,
    );
    assert.match(r.stdout, /killed [1-8] of 8 runs/, 'some runs were really killed');
    assert.equal(r.status, 0);
  });
});

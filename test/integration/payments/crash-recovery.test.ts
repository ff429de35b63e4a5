// A short seeded run of the crash harness (test/bench/crash-harness.ts): child till processes SIGKILLed
// at named points — payment, refund, receipt, shift, staff, settings, secrets and sync writes — restarted,
// and checked per kind (the simulator's ledger, the printer's receipts, the central database, the files);
// and the POS API's payment creation, retried by the POS with the same Idempotency-Key.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';

const harness = path.join('test', 'bench', 'crash-harness.ts');

/** Runs the harness with `args`; asserts its verdict line is clean for `runs` runs and returns its lines. */
function cleanRun(runs: number, args: string[]): { lines: string[]; stdout: string; status: number | null } {
  const r = spawnSync(process.execPath, [harness, '--runs', String(runs), ...args], { encoding: 'utf8' });
  const lines = r.stdout.trim().split('\n');
  assert.equal(
    lines[lines.length - 1],
    `crash-recovery: runs=${runs} lost=0 double=0 unresolved=0 broken=0 integrity=ok`,
    r.stdout + r.stderr,
  );
  return { lines, stdout: r.stdout, status: r.status };
}

describe('crash recovery', () => {
  it('loses nothing, charges nothing twice, leaves nothing unresolved, keeps the journal whole', () => {
    // This seed aims at a payment before its journal write, a call-back, a sync batch and a refund;
    // `npm run bench:crash` goes round every point.
    const r = cleanRun(4, ['--seed', '20261207', '--jobs', '4']);
    const lines = r.lines;
    assert.match(r.stdout, /killed [1-4] of 4 runs/, 'some runs were really killed');
    // Every point is named in the verdict with its count, so a point that stops firing is seen.
    const points = lines.filter((l) => l.startsWith('point '));
    assert.ok(points.length >= 33, points.join('\n'));
    const aimed = points.map((l) => Number(/runs=(\d+)/.exec(l)?.[1])).reduce((a, b) => a + b, 0);
    assert.equal(aimed, 4);
    assert.equal(r.status, 0);
  });

  it('a receipt killed while queued, sent or done: the restarted till prints it, the journal holds it printed', () => {
    // The checks read the journal with no till running and wait at the printer for every job it holds
    // as printed; a kill after the bytes went out and before "printed" was journaled prints it again,
    // marked as a reprint.
    const { lines, stdout } = cleanRun(3, ['--seed', '5', '--jobs', '3', '--only', 'print.', '--verbose']);
    for (const point of ['queued', 'sent', 'done']) {
      const run = lines.find((l) => l.includes(`kill@print.${point} KILLED`)) ?? '';
      const took = point === 'sent' ? 2 : 1;
      assert.match(
        run,
        new RegExp(`receipts: journal 1 printed 0 queued 0 failed, printer took ${took} `),
        stdout,
      );
    }
  });

  it("the POS API's payment creation: killed at each point, the POS's retry with the same key is the same payment", () => {
    // One round of the POS points: a run at pos.payment-journaled and one at pos.payment-answered.
    const r = cleanRun(2, ['--seed', '20261207', '--jobs', '2', '--only', 'pos.']);
    const lines = r.lines;
    assert.ok(lines.includes('point pos.payment-journaled: runs=1 killed=1'), r.stdout);
    assert.ok(lines.includes('point pos.payment-answered: runs=1 killed=1'), r.stdout);
    assert.equal(r.status, 0);
  });
});

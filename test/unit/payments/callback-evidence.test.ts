// Rejected call-backs as bounded evidence on a real journal file: nothing is written while they arrive,
// one batch per flush window (injected clock), remote addresses and samples capped.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { ManualClock } from '../../../electron/core/clock.ts';
import { createJournal } from '../../../electron/core/journal/journal.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';
import { createCallbackEvidence, OTHER_REMOTE } from '../../../electron/core/payments/callback-evidence.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callback-evidence-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

it('counts per kind and remote, writes once per window, caps remotes and samples', () => {
  const handle = openJournal({ path: path.join(dir, 'till.db') });
  try {
    const journal = createJournal(handle.db);
    const clock = new ManualClock(1_000);
    const lines: string[] = [];
    const evidence = createCallbackEvidence({
      journal,
      clock,
      flushMs: 60_000,
      maxRemotes: 10,
      sampleCap: 5,
      log: (line) => lines.push(line),
    });
    const changes = () => (handle.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const before = changes();
    for (let i = 0; i < 30; i++) {
      clock.advance(10);
      evidence.note({ kind: 'forged', remote: `10.0.0.${i}`, bodySha256: 'ab', bodyBytes: 3, note: 'md5' });
    }
    evidence.note({ kind: 'replay', remote: '10.0.0.1', bodySha256: 'cd', bodyBytes: 9, note: null });
    assert.equal(changes(), before, 'written while they arrive');
    assert.deepEqual(lines, ['call-back rejected (forged)', 'call-back rejected (replay)']);

    clock.advance(60_000);
    const counters = journal.rejections.counters();
    assert.equal(
      counters.reduce((n, c) => n + c.count, 0),
      31,
    );
    const forged = counters.filter((c) => c.kind === 'forged');
    assert.equal(forged.length, 11);
    assert.equal(forged.find((c) => c.remote === OTHER_REMOTE)?.count, 20);
    assert.deepEqual(
      [
        forged.find((c) => c.remote === '10.0.0.0')?.firstSeen,
        forged.find((c) => c.remote === '10.0.0.0')?.lastSeen,
      ],
      [1_010, 1_010],
    );
    assert.equal(journal.rejections.samples().length, 5);

    // The journal already holds 10 addresses: new ones are counted under OTHER_REMOTE from now on.
    evidence.note({ kind: 'forged', remote: '192.0.2.1', bodySha256: 'ef', bodyBytes: 1, note: null });
    evidence.note({ kind: 'forged', remote: '10.0.0.3', bodySha256: 'ef', bodyBytes: 1, note: null });
    evidence.close();
    const after = journal.rejections.counters();
    assert.equal(
      after.find((c) => c.remote === '192.0.2.1'),
      undefined,
    );
    assert.equal(after.find((c) => c.kind === 'forged' && c.remote === OTHER_REMOTE)?.count, 21);
    assert.equal(after.find((c) => c.kind === 'forged' && c.remote === '10.0.0.3')?.count, 2);
    assert.equal(journal.rejections.samples().length, 5);
  } finally {
    handle.close();
  }
});

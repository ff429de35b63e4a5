// The cost of one durable state transition (event + projection row in one transaction, WAL with
// synchronous=FULL) against the floor: a raw write + fsync of the same size on the same disk, measured
// in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createJournal } from '../../electron/core/journal/journal.ts';
import { openJournal } from '../../electron/core/journal/open-journal.ts';
import { applyAttemptChange } from '../../electron/core/payments/transitions.ts';
import { attemptRow } from '../support/attempt-row.ts';

const N = Number(process.env.BENCH_N ?? 400);
const dir = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'journal-bench-'));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

try {
  // Floor: append 4 KiB and fsync, N times.
  const fd = fs.openSync(path.join(dir, 'raw.bin'), 'a');
  const page = Buffer.alloc(4096, 7);
  const raw: number[] = [];
  for (let i = 0; i < N; i++) {
    const t = process.hrtime.bigint();
    fs.writeSync(fd, page);
    fs.fsyncSync(fd);
    raw.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  fs.closeSync(fd);

  const handle = openJournal({ path: path.join(dir, 'till.db') });
  const journal = createJournal(handle.db);
  const now = Date.now();
  journal.write(() => {
    journal.sales.insert({
      saleId: 'S1',
      amountCents: 100,
      tipCents: 0,
      currency: 'CAD',
      operatorId: '1',
      terminalNo: 'T1',
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    });
  });
  const ids: string[] = [];
  for (let i = 0; i < N; i++) {
    const id = `B${String(i).padStart(8, '0')}`;
    ids.push(id);
    journal.write(() =>
      journal.attempts.insert(
        attemptRow(id, now, {
          saleId: 'S1',
          mode: 'passive',
          wallet: 'ALIPAY',
          amountCents: 100,
          state: i === 0 ? 'created' : 'failed',
          operatorId: '1',
          submittedAt: null,
        }),
      ),
    );
  }
  // One live attempt at a time (one per sale): each is moved created → submitted, a durable transition.
  const tx: number[] = [];
  for (let i = 0; i < N; i++) {
    const id = ids[i] ?? '';
    if (i > 0) handle.db.prepare("UPDATE attempts SET state = 'created' WHERE attempt_id = ?").run(id);
    const t = process.hrtime.bigint();
    applyAttemptChange(journal, now, id, { event: 'SEND', cause: 'command', patch: { submittedAt: now } });
    tx.push(Number(process.hrtime.bigint() - t) / 1e6);
    handle.db.prepare("UPDATE attempts SET state = 'failed' WHERE attempt_id = ?").run(id);
  }
  handle.close();

  const rawMed = median(raw);
  const txMed = median(tx);
  console.log(`raw write+fsync (4 KiB):        median ${rawMed.toFixed(3)} ms over ${N}`);
  console.log(`durable state transition:       median ${txMed.toFixed(3)} ms over ${N}`);
  console.log(`ratio transition / raw fsync:   ${(txMed / rawMed).toFixed(2)}x`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

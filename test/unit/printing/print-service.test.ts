// The print queue on a manual clock with a real journal file: a job is journaled before anything is
// sent and enqueue() returns while the printer is still busy (a payment never waits); a printer that
// fails is retried with backoff and then given up with its reason kept; a receipt that cannot be
// built fails at once; a job left queued by a restart is sent on resume.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { SANDBOX_JOURNAL_FILE } from '../../../electron/core/app/payment-stack.ts';
import { ManualClock } from '../../../electron/core/clock.ts';
import { createJournal } from '../../../electron/core/journal/journal.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';
import { PRINT_BACKOFF_MS, PRINT_TRIES } from '../../../electron/core/printing/print-service.ts';
import { PrintError, type Printer } from '../../../electron/core/printing/printer.ts';
import { decodeEscpos } from '../../support/escpos-decode.ts';
import { writePaidJournal } from '../../support/paid-journal.ts';
import { testPrintService } from '../../support/print-service.ts';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function setup(printer: Printer) {
  const dir = mkdtempSync(join(tmpdir(), 'print-service-'));
  dirs.push(dir);
  const fixture = writePaidJournal(dir);
  const handle = openJournal({ path: join(dir, SANDBOX_JOURNAL_FILE) });
  const journal = createJournal(handle.db);
  const clock = new ManualClock();
  const service = testPrintService({ journal, clock, printer, target: 'tcp://printer.invalid:9100' });
  return { fixture, journal, clock, service, close: () => handle.close() };
}

describe('print queue', () => {
  it('journals the job and returns before the printer has finished', async () => {
    let release: () => void = () => {};
    const sent: Uint8Array[] = [];
    const t = setup({
      target: 'slow',
      print: (bytes) =>
        new Promise<void>((resolve) => {
          sent.push(bytes);
          release = resolve;
        }),
    });
    const [job] = t.service.enqueue('sale', t.fixture.attemptId, ['customer'], false);
    assert.equal(t.journal.printJobs.get(job?.jobId ?? 0)?.state, 'queued');
    await t.clock.advanceAsync(0);
    assert.equal(sent.length, 1, 'sending started');
    assert.equal(t.journal.printJobs.get(job?.jobId ?? 0)?.state, 'queued', 'still printing');
    release();
    await t.service.idle();
    assert.equal(t.journal.printJobs.get(job?.jobId ?? 0)?.state, 'printed');
    assert.ok(decodeEscpos(sent[0] ?? new Uint8Array()).lines.some((l) => l.includes(t.fixture.orderId)));
    t.service.stop();
    t.close();
  });

  it('retries a failing printer with backoff, then gives up with the reason', async () => {
    const tries: number[] = [];
    const t = setup({
      target: 'out of paper',
      print: async () => {
        tries.push(t.clock.now());
        throw new PrintError('paper_out', 'the printer reports paper out');
      },
    });
    const start = t.clock.now();
    const [job] = t.service.enqueue('sale', t.fixture.attemptId, ['customer'], false);
    await t.clock.advanceAsync(0);
    for (const wait of PRINT_BACKOFF_MS) await t.clock.advanceAsync(wait);
    const row = t.journal.printJobs.get(job?.jobId ?? 0);
    assert.equal(tries.length, PRINT_TRIES);
    const expected = [0];
    for (const w of PRINT_BACKOFF_MS.slice(0, PRINT_TRIES - 1)) expected.push((expected.at(-1) ?? 0) + w);
    assert.deepEqual(
      tries.map((at) => at - start),
      expected,
    );
    assert.equal(row?.state, 'failed');
    assert.match(row?.lastError ?? '', /^paper_out: /);
    await t.clock.advanceAsync(3_600_000);
    assert.equal(tries.length, PRINT_TRIES, 'no more tries once given up');
    t.service.stop();
    t.close();
  });

  it('fails at once a receipt that cannot be built, and resumes jobs left queued', async () => {
    let printed = 0;
    const t = setup({
      target: 'ok',
      print: async () => {
        printed += 1;
      },
    });
    const [bad] = t.service.enqueue('sale', 'no-such-attempt', ['customer'], false);
    await t.service.idle();
    await t.clock.advanceAsync(0);
    await t.service.idle();
    assert.equal(t.journal.printJobs.get(bad?.jobId ?? 0)?.state, 'failed');
    // A job journaled by a till that stopped before sending it.
    const left = t.journal.printJobs.add({
      kind: 'sale',
      refId: t.fixture.attemptId,
      copy: 'merchant',
      reprint: false,
      printer: 'x',
      at: t.clock.now(),
    });
    t.service.resume();
    await t.clock.advanceAsync(0);
    await t.service.idle();
    assert.equal(t.journal.printJobs.get(left.jobId)?.state, 'printed');
    assert.equal(printed, 1);
    t.service.stop();
    t.close();
  });
});

// A receipt whose bytes were going to the printer when the till died: on the next start it is printed
// again marked REPRINT (the customer may hold the first one), never as a second original. Before, the
// job was only "queued" in the journal and came out as a second original.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { SANDBOX_JOURNAL_FILE } from '../../../electron/core/app/payment-stack.ts';
import { ManualClock } from '../../../electron/core/clock.ts';
import { createJournal, type Journal } from '../../../electron/core/journal/journal.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';
import type { Printer } from '../../../electron/core/printing/printer.ts';
import { decodeEscpos } from '../../support/escpos-decode.ts';
import { writePaidJournal } from '../../support/paid-journal.ts';
import { testPrintService } from '../../support/print-service.ts';

const dir = mkdtempSync(join(tmpdir(), 'print-interrupted-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function service(journal: Journal, clock: ManualClock, printer: Printer) {
  return testPrintService({ journal, clock, printer, target: 'x:9100' });
}

const text = (bytes: Uint8Array) => decodeEscpos(bytes).lines.join('\n');

describe('a receipt cut short by a crash', () => {
  it('is printed again marked REPRINT, and a job never started prints as the original', async () => {
    const fixture = writePaidJournal(dir);
    const handle = openJournal({ path: join(dir, SANDBOX_JOURNAL_FILE) });
    const journal = createJournal(handle.db);
    const clock = new ManualClock();
    // The first till: the printer takes the bytes and the till dies before hearing back.
    let taken = 0;
    const dying = service(journal, clock, {
      target: 'x',
      print: () => new Promise<void>(() => void taken++),
    });
    const [job] = dying.enqueue('sale', fixture.attemptId, ['customer'], false);
    await clock.advanceAsync(0);
    assert.equal(taken, 1, 'the bytes went to the printer');
    dying.stop();
    // A job the dead till had journaled but not started.
    const untouched = journal.printJobs.add({
      kind: 'sale',
      refId: fixture.attemptId,
      copy: 'merchant',
      reprint: false,
      printer: 'x',
      at: clock.now(),
    });

    const printed: Uint8Array[] = [];
    const next = service(journal, clock, { target: 'x', print: async (bytes) => void printed.push(bytes) });
    next.resume();
    await clock.advanceAsync(0);
    await next.idle();
    assert.equal(printed.length, 2);
    assert.match(text(printed[0] as Uint8Array), /REPRINT/, 'the interrupted receipt says REPRINT');
    assert.doesNotMatch(text(printed[1] as Uint8Array), /REPRINT/, 'the job never sent is the original');
    assert.equal(journal.printJobs.get(job?.jobId ?? 0)?.state, 'printed');
    assert.equal(journal.printJobs.get(untouched.jobId)?.state, 'printed');
    next.stop();
    handle.close();
  });
});

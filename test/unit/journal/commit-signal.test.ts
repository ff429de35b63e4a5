// The journal's commit signal (journal/commit-signal.ts): heard once per outermost committed write, by
// file (any connection to the same file hears it), never for a write rolled back, never after the
// listener unsubscribed, and never for another journal file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { onJournalCommit } from '../../../electron/core/journal/commit-signal.ts';
import { createJournal } from '../../../electron/core/journal/journal.ts';
import { type JournalHandle, openJournal } from '../../../electron/core/journal/open-journal.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commit-signal-'));
const handles: JournalHandle[] = [];
after(() => {
  for (const h of handles) h.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(name: string): JournalHandle {
  const h = openJournal({ path: path.join(dir, name) });
  handles.push(h);
  return h;
}

const event = (id: string) =>
  ({ at: 1, entity: 'sale', entityId: id, type: 'sale.created', cause: 'command' }) as const;

describe('journal commit signal', () => {
  it('is heard once per committed outermost write, by another connection to the same file', () => {
    const writer = createJournal(open('a.db').db);
    const reader = open('a.db');
    let heard = 0;
    const stop = onJournalCommit(reader.db, () => {
      heard++;
    });
    writer.write(() => writer.events.append(event('S1')));
    assert.equal(heard, 1);
    writer.write(() => {
      writer.events.append(event('S2'));
      writer.write(() => writer.events.append(event('S3')));
      assert.equal(heard, 1, 'not before the outer write commits');
    });
    assert.equal(heard, 2);
    assert.throws(() =>
      writer.write(() => {
        writer.events.append(event('S4'));
        throw new Error('rolled back');
      }),
    );
    assert.equal(heard, 2, 'a rolled-back write is not heard');
    stop();
    writer.write(() => writer.events.append(event('S5')));
    assert.equal(heard, 2, 'not after unsubscribing');
  });

  it('is not heard for another journal file', () => {
    const other = createJournal(open('b.db').db);
    let heard = 0;
    const stop = onJournalCommit(open('c.db').db, () => {
      heard++;
    });
    other.write(() => other.events.append(event('S1')));
    stop();
    assert.equal(heard, 0);
  });
});

// The group commit start-up recovery journals its answers with (group-commit.ts), on a real journal
// file: writes that arrive together share one transaction; each caller hears back only once that
// transaction is visible to another connection (committed); one write that throws undoes only itself.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { createJournal, type Journal } from '../../../electron/core/journal/journal.ts';
import { type JournalHandle, openJournal } from '../../../electron/core/journal/open-journal.ts';
import { createGroupCommit, type GroupCommitOptions } from '../../../electron/core/payments/group-commit.ts';
import { createRequestLimit } from '../../../electron/core/payments/request-limit.ts';

let dir: string;
let handle: JournalHandle;
let journal: Journal;
let reader: Database.Database;
/** Outermost transactions begun (each one commit, one fsync). */
let commits: number;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'group-commit-'));
  const file = path.join(dir, 'till.db');
  handle = openJournal({ path: file });
  journal = createJournal(handle.db);
  const write = journal.write.bind(journal);
  commits = 0;
  journal.write = <T>(fn: () => T): T => {
    if (!handle.db.inTransaction) commits += 1;
    return write(fn);
  };
  reader = new Database(file, { readonly: true });
});
afterEach(() => {
  reader.close();
  handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What another connection to the file sees: only what has committed. */
const seenElsewhere = (key: string) =>
  (reader.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ??
  null;

const setMeta = (key: string) => () => {
  journal.setMeta(key, 'v');
  return key;
};

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('journals writes that arrive together in one transaction, each durable before its caller hears', async () => {
    const commit = createGroupCommit(journal, { maxBatch: 64, maxWaitMs: 1_000, moreComing: () => false });
    const heard: Array<{ key: string; visible: string | null }> = [];
    await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((k) =>
        commit.add(setMeta(k)).then((key) => heard.push({ key, visible: seenElsewhere(key) })),
      ),
    );
    assert.equal(commits, 1, 'one transaction for the five');
    assert.deepEqual(
      heard.map((h) => h.visible),
      ['v', 'v', 'v', 'v', 'v'],
      'every caller heard only after its write was committed',
    );
  });

  it('a write that throws is rejected alone: the others commit', async () => {
    const commit = createGroupCommit(journal, { maxBatch: 64, maxWaitMs: 1_000, moreComing: () => false });
    const results = await Promise.allSettled([
      commit.add(setMeta('first')),
      commit.add(() => {
        journal.setMeta('half-done', 'v');
        throw new Error('bad answer');
      }),
      commit.add(setMeta('last')),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.equal(seenElsewhere('first'), 'v');
    assert.equal(seenElsewhere('last'), 'v');
    assert.equal(seenElsewhere('half-done'), null, 'its own savepoint was undone');
    assert.equal(commits, 1);
  });

  it('while more answers are coming it waits for them, up to maxBatch', async () => {
    let more = true;
    const options: GroupCommitOptions = { maxBatch: 3, maxWaitMs: 60_000, moreComing: () => more };
    const commit = createGroupCommit(journal, options);
    const first = commit.add(setMeta('1'));
    const second = commit.add(setMeta('2'));
    await nextTurn();
    assert.equal(seenElsewhere('1'), null, 'nothing committed while more are coming and the batch is short');
    const third = commit.add(setMeta('3'));
    await Promise.all([first, second, third]);
    assert.equal(commits, 1, 'the full batch went in one transaction');
    more = false;
    await commit.add(setMeta('4'));
    assert.equal(seenElsewhere('4'), 'v', 'with nothing more coming, a lone answer commits at once');
    assert.equal(commits, 2);
  });

  it('commits what waits after maxWaitMs even if more answers are said to be coming', async () => {
    const commit = createGroupCommit(journal, { maxBatch: 64, maxWaitMs: 5, moreComing: () => true });
    assert.equal(await commit.add(setMeta('slow')), 'slow');
    assert.equal(seenElsewhere('slow'), 'v');
  });

  it('rejects every write of the batch when the transaction cannot begin, and commits nothing', async () => {
    const other = new Database(handle.path);
    other.pragma('busy_timeout = 0');
    handle.db.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    try {
      const commit = createGroupCommit(journal, { maxBatch: 64, maxWaitMs: 1_000, moreComing: () => false });
      const results = await Promise.allSettled([commit.add(setMeta('x')), commit.add(setMeta('y'))]);
      assert.deepEqual(
        results.map((r) => r.status),
        ['rejected', 'rejected'],
      );
      assert.match(String((results[0] as PromiseRejectedResult).reason), /journal is busy/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    assert.equal(seenElsewhere('x'), null);
  });
});

describe('request limit', () => {
  it('runs at most n requests at once, the rest in order as slots free', async () => {
    const limit = createRequestLimit(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const releases: Array<() => void> = [];
    const runs = [0, 1, 2, 3, 4].map((i) =>
      limit.run(async () => {
        running += 1;
        most = Math.max(most, running);
        order.push(i);
        await new Promise<void>((resolve) => releases.push(resolve));
        running -= 1;
        return i;
      }),
    );
    await nextTurn();
    assert.deepEqual(order, [0, 1], 'two started, three wait');
    assert.equal(limit.busy(), true);
    while (releases.length > 0) {
      (releases.shift() as () => void)();
      await nextTurn();
    }
    assert.deepEqual(await Promise.all(runs), [0, 1, 2, 3, 4]);
    assert.deepEqual(order, [0, 1, 2, 3, 4]);
    assert.equal(most, 2);
    assert.equal(limit.busy(), false);
  });
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../../electron/core/journal/migrations/index.ts';
import type { Migration } from '../../../electron/core/journal/migrations/migration.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';
import { AppError } from '../../../shared/result.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-open-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = () => path.join(dir, `j${++n}`, 'till.db');

describe('openJournal', () => {
  it('creates the file with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const j = openJournal({ path: file(), busyTimeoutMs: 1234 });
    try {
      assert.equal(j.db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(j.db.pragma('synchronous', { simple: true }), 2);
      assert.equal(j.db.pragma('foreign_keys', { simple: true }), 1);
      assert.equal(j.db.pragma('busy_timeout', { simple: true }), 1234);
      assert.equal(j.db.pragma('user_version', { simple: true }), MIGRATIONS.length);
      assert.equal(j.backupPath, null, 'an empty database needs no backup');
    } finally {
      j.close();
    }
  });

  it('refuses a journal written by a newer version, and leaves it untouched', () => {
    const f = file();
    openJournal({ path: f }).close();
    const raw = new Database(f);
    raw.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    raw.close();
    const before = fs.readFileSync(f);
    assert.throws(
      () => openJournal({ path: f }),
      (err: unknown) =>
        err instanceof AppError && err.code === 'STORAGE' && /newer version/.test(err.message),
    );
    assert.deepEqual(fs.readFileSync(f), before);
  });

  it('backs up a database that holds data before migrating it, and migrates in order', () => {
    const f = file();
    const first: Migration[] = [
      { version: 1, name: 'a', sql: 'CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (41);' },
    ];
    openJournal({ path: f, migrations: first }).close();
    const second: Migration[] = [...first, { version: 2, name: 'b', sql: 'UPDATE t SET x = x + 1;' }];
    const j = openJournal({ path: f, migrations: second, now: () => Date.UTC(2026, 0, 2, 3, 4, 5) });
    try {
      assert.equal((j.db.prepare('SELECT x FROM t').get() as { x: number }).x, 42);
      assert.equal(j.db.pragma('user_version', { simple: true }), 2);
      assert.ok(j.backupPath?.endsWith('.v1-before-v2-20260102T030405.bak'), String(j.backupPath));
      const copy = new Database(j.backupPath ?? '', { readonly: true });
      assert.equal((copy.prepare('SELECT x FROM t').get() as { x: number }).x, 41);
      assert.equal(copy.pragma('user_version', { simple: true }), 1);
      copy.close();
    } finally {
      j.close();
    }
  });

  it('leaves the old schema whole when a migration fails', () => {
    const f = file();
    const first: Migration[] = [{ version: 1, name: 'a', sql: 'CREATE TABLE t (x INTEGER);' }];
    openJournal({ path: f, migrations: first }).close();
    const broken: Migration[] = [
      ...first,
      { version: 2, name: 'bad', sql: 'CREATE TABLE u (y); SELECT nope FROM nowhere;' },
    ];
    assert.throws(() => openJournal({ path: f, migrations: broken }));
    const raw = new Database(f);
    assert.equal(raw.pragma('user_version', { simple: true }), 1);
    assert.equal(
      (raw.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'u'").get() as { n: number }).n,
      0,
    );
    raw.close();
  });

  it('upgrades all or nothing: a failing later migration leaves the earlier pending ones unapplied', () => {
    const f = file();
    const first: Migration[] = [{ version: 1, name: 'a', sql: 'CREATE TABLE t (x INTEGER);' }];
    openJournal({ path: f, migrations: first }).close();
    const upgrade: Migration[] = [
      ...first,
      { version: 2, name: 'fine', sql: 'CREATE TABLE v (z INTEGER);' },
      { version: 3, name: 'bad', sql: 'SELECT nope FROM nowhere;' },
    ];
    assert.throws(() => openJournal({ path: f, migrations: upgrade }));
    const raw = new Database(f);
    try {
      assert.equal(raw.pragma('user_version', { simple: true }), 1);
      const v = raw.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'v'").get() as {
        n: number;
      };
      assert.equal(v.n, 0, 'the good migration before the failing one is rolled back with it');
    } finally {
      raw.close();
    }
  });

  it('refuses migrations that are not numbered 1, 2, 3…', () => {
    assert.throws(
      () => openJournal({ path: file(), migrations: [{ version: 2, name: 'x', sql: '' }] }),
      /expected 1/,
    );
  });
});

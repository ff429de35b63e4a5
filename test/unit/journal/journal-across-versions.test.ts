// Journal safety across versions (issue 19): a newer till backs the journal up before migrating it;
// after a rollback today's till refuses the migrated journal naming both versions and the backup,
// changes nothing, and opens the backup with every row in it.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, test } from 'node:test';
import { SANDBOX_JOURNAL_FILE } from '../../../electron/core/app/payment-stack.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/core/journal/migrations/index.ts';
import type { Migration } from '../../../electron/core/journal/migrations/migration.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';
import { readWriterVersion } from '../../../electron/core/journal/writer-version.ts';
import { AppError } from '../../../shared/result.ts';
import { writePaidJournal } from '../../support/paid-journal.ts';

const dir = mkdtempSync(join(tmpdir(), 'journal-versions-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The next version of the till: today's migrations and one more. */
const NEXT: Migration = {
  version: LATEST_SCHEMA_VERSION + 1,
  name: 'from-the-future',
  sql: 'CREATE TABLE future_things (x INTEGER) STRICT;',
};
const digest = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const attempts = (f: string, appVersion: string) => {
  const j = openJournal({ path: f, appVersion });
  try {
    return (j.db.prepare('SELECT count(*) AS n FROM attempts').get() as { n: number }).n;
  } finally {
    j.close();
  }
};

test('a newer version backs up, migrates; today’s version then refuses naming both versions, and opens the backup', () => {
  writePaidJournal(dir);
  const file = join(dir, SANDBOX_JOURNAL_FILE);
  assert.equal(attempts(file, '0.1.0'), 1, 'today’s till opened it and recorded its version');

  const newer = openJournal({
    path: file,
    migrations: [...MIGRATIONS, NEXT],
    appVersion: '0.2.0',
    now: () => Date.UTC(2026, 11, 7, 9),
  });
  const backup = newer.backupPath;
  assert.equal(readWriterVersion(newer.db), '0.2.0');
  newer.close();
  assert.ok(backup && existsSync(backup), 'a backup before the first start of the new version migrated it');
  assert.equal(
    basename(backup),
    `${SANDBOX_JOURNAL_FILE}.v${LATEST_SCHEMA_VERSION}-before-v${NEXT.version}-20261207T090000.bak`,
  );

  const before = digest(file);
  assert.throws(
    () => openJournal({ path: file, appVersion: '0.1.0' }),
    (err: unknown) => {
      assert.ok(err instanceof AppError && err.code === 'STORAGE');
      assert.equal(
        err.message,
        `This journal was written by OTTPay Till 0.2.0 (schema ${NEXT.version}); this is OTTPay Till 0.1.0, which knows schema up to ${LATEST_SCHEMA_VERSION}. ` +
          `Install 0.2.0 or newer to open it; the file has not been changed. The copy taken before that version migrated it is ${basename(backup)}.`,
      );
      return true;
    },
  );
  assert.equal(digest(file), before, 'nothing rewritten');
  assert.equal(
    existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).length : 0,
    0,
    'nothing written to the WAL either',
  );

  // The rolled-back till can be pointed at the backup: it is today's schema, with the paid attempt.
  assert.equal(attempts(backup, '0.1.0'), 1);
  const again = openJournal({ path: file, migrations: [...MIGRATIONS, NEXT], appVersion: '0.2.0' });
  assert.equal(
    (again.db.prepare('SELECT count(*) AS n FROM attempts').get() as { n: number }).n,
    1,
    'the newer till still has it all',
  );
  again.close();
});

test('a journal from a newer till that recorded no version is still refused, in words that say so', () => {
  const file = join(dir, 'unnamed', 'till.db');
  openJournal({ path: file, migrations: [...MIGRATIONS, NEXT] }).close();
  assert.throws(
    () => openJournal({ path: file, appVersion: '0.1.0' }),
    /^AppError: This journal was written by a newer version of the till \(schema \d+\); this is OTTPay Till 0\.1\.0, which knows schema up to \d+\. Install the newer till to open it; the file has not been changed\.$/,
  );
});

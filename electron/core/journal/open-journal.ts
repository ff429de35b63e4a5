// Opens (or creates) the till's journal: one SQLite file, WAL with synchronous=FULL (with NORMAL a
// committed row can vanish on power loss), foreign keys on, a busy timeout. Brings the schema up to
// date with numbered migrations tracked in user_version, after a backup when the file already holds
// data; refuses a file written by a newer version of the till rather than guess at its schema.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/result.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { Migration } from './migrations/migration.ts';
import { newerJournalMessage, readWriterVersion, recordWriterVersion } from './writer-version.ts';

export type Db = Database.Database;

export interface OpenJournalOptions {
  /** The database file; its folder is created if missing. */
  path: string;
  busyTimeoutMs?: number;
  /** For tests of the runner; the till always uses MIGRATIONS. */
  migrations?: readonly Migration[];
  /** Used in the backup's file name. */
  now?: () => number;
  /** This till's version: recorded in the journal, and named when refusing a newer journal. */
  appVersion?: string;
}

export interface JournalHandle {
  db: Db;
  path: string;
  schemaVersion: number;
  /** The copy taken before migrating, when there was one. */
  backupPath: string | null;
  close(): void;
}

export function openJournal(options: OpenJournalOptions): JournalHandle {
  const migrations = checkedMigrations(options.migrations ?? MIGRATIONS);
  const latest = migrations.length === 0 ? 0 : (migrations[migrations.length - 1]?.version ?? 0);
  fs.mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });

  let db: Db;
  try {
    db = new Database(options.path);
  } catch (err) {
    throw new AppError('STORAGE', `The journal could not be opened: ${(err as Error).message}`);
  }
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    const current = Number(db.pragma('user_version', { simple: true }));
    if (current > latest) {
      throw new AppError(
        'STORAGE',
        newerJournalMessage({
          file: options.path,
          schema: current,
          knownSchema: latest,
          writer: readWriterVersion(db),
          self: options.appVersion,
        }),
      );
    }
    const mode = String(db.pragma('journal_mode = WAL', { simple: true }));
    if (mode.toLowerCase() !== 'wal')
      throw new AppError('STORAGE', `The journal could not switch to WAL mode (got ${mode})`);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');

    let backupPath: string | null = null;
    if (current < latest) {
      if (holdsData(db)) backupPath = backup(db, options.path, current, latest, options.now ?? Date.now);
      // One transaction for the whole upgrade: all of it or none (a failure leaves the schema as it
      // was), and one durable commit instead of one per migration, which made a new till's first
      // start (two journals made from nothing) pay ten synchronous=FULL syncs each.
      db.transaction(() => {
        for (const m of migrations) {
          if (m.version <= current) continue;
          db.exec(m.sql);
          db.pragma(`user_version = ${m.version}`);
        }
      })();
      // Superseded page images (e.g. of rewritten wallet-code masks) must not linger in the WAL file.
      db.pragma('wal_checkpoint(TRUNCATE)');
      if (backupPath)
        scrubBackup(
          backupPath,
          migrations.filter((m) => m.version > current && m.alsoOnBackup),
        );
    }
    if (options.appVersion && latest > 0) recordWriterVersion(db, options.appVersion);
    return {
      db,
      path: options.path,
      schemaVersion: latest,
      backupPath,
      close: () => {
        if (db.open) db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}

function checkedMigrations(list: readonly Migration[]): readonly Migration[] {
  list.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
  return list;
}

function holdsData(db: Db): boolean {
  const row = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };
  return row.n > 0;
}

/** A consistent copy beside the journal, taken with VACUUM INTO (synchronous, WAL-safe). */
function backup(db: Db, file: string, from: number, to: number, now: () => number): string {
  const stamp = new Date(now()).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  let target = `${file}.v${from}-before-v${to}-${stamp}.bak`;
  for (let n = 2; fs.existsSync(target); n++) target = `${file}.v${from}-before-v${to}-${stamp}-${n}.bak`;
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

/** Runs the migrations marked alsoOnBackup on the backup copy, then compacts it so nothing freed stays. */
function scrubBackup(file: string, scrubs: readonly Migration[]): void {
  if (scrubs.length === 0) return;
  const copy = new Database(file);
  try {
    for (const m of scrubs) copy.transaction(() => copy.exec(m.sql))();
    copy.exec('VACUUM');
  } finally {
    copy.close();
  }
}

// Opening the journals outside the payments stack: the staff accounts (the live journal's file, made
// and migrated if need be) for the till and `staff add`, and any journal read-only for the commands
// that must work while a till runs on the folder (no lock, no migration, no write).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/result.ts';
import { JOURNAL_FILE } from '../journal/journal-files.ts';
import { LATEST_SCHEMA_VERSION } from '../journal/migrations/index.ts';
import { type Db, openJournal } from '../journal/open-journal.ts';
import { createStaffDirectory, type StaffDirectory } from './directory.ts';

export interface StaffStore {
  directory: StaffDirectory;
  close(): void;
}

export function openStaffStore(dataDir: string, now: () => number, appVersion?: string): StaffStore {
  const handle = openJournal({
    path: join(dataDir, JOURNAL_FILE),
    now,
    ...(appVersion ? { appVersion } : {}),
  });
  return { directory: createStaffDirectory(handle.db, now), close: () => handle.close() };
}

/** A journal opened read-only; refuses a missing file or one another version of the till wrote. */
export function openJournalReadOnly(path: string): Db {
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `No journal at ${path}`);
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version !== LATEST_SCHEMA_VERSION) {
    db.close();
    throw new AppError(
      'STORAGE',
      version < LATEST_SCHEMA_VERSION
        ? `This journal has schema ${version}; start the till (or run staff add) once to bring it to ${LATEST_SCHEMA_VERSION}`
        : `This journal was written by a newer version of the till (schema ${version})`,
    );
  }
  return db;
}

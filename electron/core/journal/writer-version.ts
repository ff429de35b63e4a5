// Which version of the till last opened a journal, kept in meta so that an older till that meets a
// journal migrated by a newer one (after a rollback or a manual downgrade) can name both versions,
// and the person on the phone knows which till to put back. Written only after a successful open.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type Database from 'better-sqlite3';

const KEY = 'app_version';

/** The till version recorded in the journal, or null (none recorded, or no meta table yet). */
export function readWriterVersion(db: Database.Database): string | null {
  try {
    const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY) as { value: string } | undefined;
    return row?.value ?? null;
  } catch {
    return null;
  }
}

export function recordWriterVersion(db: Database.Database, version: string): void {
  if (readWriterVersion(db) === version) return;
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(KEY, version);
}

/** The refusal an older till gives a journal from a newer one: both versions, and the way back. */
export function newerJournalMessage(o: {
  file: string;
  schema: number;
  knownSchema: number;
  writer: string | null;
  self: string | undefined;
}): string {
  const writer = o.writer ? `OTTPay Till ${o.writer}` : 'a newer version of the till';
  const self = o.self ? `this is OTTPay Till ${o.self}` : 'this version';
  const backup = backupFor(o.file, o.knownSchema);
  return (
    `This journal was written by ${writer} (schema ${o.schema}); ${self}, which knows schema up to ${o.knownSchema}. ` +
    `Install ${o.writer ? `${o.writer} or newer` : 'the newer till'} to open it; the file has not been changed.` +
    (backup ? ` The copy taken before that version migrated it is ${backup}.` : '')
  );
}

/** The newest backup the newer till took of a journal at `schema` before migrating it, if any. */
function backupFor(file: string, schema: number): string | null {
  const dir = dirname(file);
  if (!existsSync(dir)) return null;
  const prefix = `${basename(file)}.v${schema}-before-v`;
  const found = readdirSync(dir)
    .filter((n) => n.startsWith(prefix) && n.endsWith('.bak'))
    .sort();
  return found.at(-1) ?? null;
}

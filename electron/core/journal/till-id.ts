// The till's own id (meta.till_id, made once by schema 8), read from a journal file without taking
// part in its writes: for places that need it before or beside the payments stack (staged rollouts).
import Database from 'better-sqlite3';

export function readTillId(file: string): string | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const row = db.prepare(`SELECT value FROM meta WHERE key = 'till_id'`).get() as
      | { value: string }
      | undefined;
    return row?.value ?? null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

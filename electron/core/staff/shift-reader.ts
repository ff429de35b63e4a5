// Shift reports read straight from a till's data folder, read-only and without the folder's lock, so
// they work while the till runs on it. Shifts live in the payments journal, which is the live one or
// the sandbox one; unless told, the reader takes the journal whose newest shift is the newer.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/result.ts';
import type { ShiftReport } from '../../../shared/staff.ts';
import { JOURNAL_FILE, SANDBOX_JOURNAL_FILE } from '../journal/journal-files.ts';
import type { Db } from '../journal/open-journal.ts';
import { buildShiftReport } from './shift-report.ts';
import { createShiftsRepo } from './shifts-repo.ts';
import { openJournalReadOnly } from './staff-store.ts';

export type JournalChoice = 'live' | 'sandbox' | 'auto';

function currencyOf(dataDir: string): string {
  try {
    const raw = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { currency?: unknown };
    return raw.currency === 'USD' ? 'USD' : 'CAD';
  } catch {
    return 'CAD';
  }
}

function newestShiftAt(db: Db): number {
  const row = db.prepare('SELECT max(opened_at) AS at FROM shifts').get() as { at: number | null };
  return row.at ?? -1;
}

function openPaymentsJournal(dataDir: string, choice: JournalChoice): Db {
  const files =
    choice === 'live'
      ? [JOURNAL_FILE]
      : choice === 'sandbox'
        ? [SANDBOX_JOURNAL_FILE]
        : [JOURNAL_FILE, SANDBOX_JOURNAL_FILE];
  const dbs = files
    .filter((f) => existsSync(join(dataDir, f)))
    .map((f) => openJournalReadOnly(join(dataDir, f)));
  if (dbs.length === 0) throw new AppError('NOT_FOUND', `No till journal in ${dataDir}`);
  dbs.sort((a, b) => newestShiftAt(b) - newestShiftAt(a));
  for (const other of dbs.slice(1)) other.close();
  return dbs[0] as Db;
}

function staffNames(dataDir: string): (id: string | null) => string {
  const names = new Map<string, string>();
  if (existsSync(join(dataDir, JOURNAL_FILE))) {
    const db = openJournalReadOnly(join(dataDir, JOURNAL_FILE));
    try {
      for (const r of db.prepare('SELECT staff_id AS id, name FROM staff').all() as Array<{
        id: number;
        name: string;
      }>)
        names.set(String(r.id), r.name);
    } finally {
      db.close();
    }
  }
  return (id) => (id === null ? '' : (names.get(id) ?? `#${id}`));
}

/** The X report of the open shift, or the (frozen) report of shift `shiftId`. */
export function readShiftReport(
  dataDir: string,
  which: { current: true } | { shiftId: number },
  choice: JournalChoice = 'auto',
): ShiftReport {
  const name = staffNames(dataDir);
  const db = openPaymentsJournal(dataDir, choice);
  try {
    const repo = createShiftsRepo(db);
    const shift = 'current' in which ? repo.open() : repo.get(which.shiftId);
    if (!shift)
      throw new AppError('NOT_FOUND', 'current' in which ? 'No shift is open' : `No shift ${which.shiftId}`);
    if (shift.zReport !== null) return JSON.parse(shift.zReport) as ShiftReport;
    return buildShiftReport(repo, shift, currencyOf(dataDir), name);
  } finally {
    db.close();
  }
}

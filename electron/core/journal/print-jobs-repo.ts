// Print jobs: one row per receipt to print. A job is written before any byte goes to a printer, so a
// crash or a printer that is off never loses a receipt: queued jobs are retried, and a failure is kept
// with its reason for the screen.
import type { ReceiptCopy } from '../../../shared/printing/receipt.ts';
import type { Db } from './open-journal.ts';

export type PrintJobKind = 'sale' | 'refund' | 'test';
export type PrintJobState = 'queued' | 'printed' | 'failed';

export interface PrintJobRow {
  jobId: number;
  kind: PrintJobKind;
  refId: string | null;
  copy: ReceiptCopy;
  reprint: boolean;
  printer: string;
  state: PrintJobState;
  tries: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
  nextTryAt: number | null;
  printedAt: number | null;
}

const COLUMNS = `job_id AS jobId, kind, ref_id AS refId, copy, reprint, printer, state, tries,
  last_error AS lastError, created_at AS createdAt, updated_at AS updatedAt, next_try_at AS nextTryAt,
  printed_at AS printedAt`;

type Raw = Omit<PrintJobRow, 'reprint'> & { reprint: number };
const fromRaw = (r: Raw): PrintJobRow => ({ ...r, reprint: r.reprint === 1 });

/** last_error of a job whose sending a crash cut short (see markSending). */
export const PRINT_INTERRUPTED = 'interrupted: the till stopped while this receipt was being sent';

export interface NewPrintJob {
  kind: PrintJobKind;
  refId: string | null;
  copy: ReceiptCopy;
  reprint: boolean;
  printer: string;
  at: number;
}

export function createPrintJobsRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO print_jobs (kind, ref_id, copy, reprint, printer, state, created_at,
    updated_at, next_try_at) VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?)`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM print_jobs WHERE job_id = ?`);
  const due = db.prepare(
    // `+job_id`: the queued rows by print_jobs_queued, then sorted; by job_id SQLite walked every job.
    `SELECT ${COLUMNS} FROM print_jobs WHERE state = 'queued' AND next_try_at <= ? ORDER BY +job_id`,
  );
  const nextDue = db.prepare(`SELECT min(next_try_at) AS at FROM print_jobs WHERE state = 'queued'`);
  const recent = db.prepare(`SELECT ${COLUMNS} FROM print_jobs ORDER BY job_id DESC LIMIT ?`);
  const forRef = db.prepare(`SELECT ${COLUMNS} FROM print_jobs WHERE ref_id = ? ORDER BY job_id`);
  const printed = db.prepare(`UPDATE print_jobs SET state = 'printed', tries = tries + 1, last_error = NULL,
    updated_at = ?, printed_at = ?, next_try_at = NULL WHERE job_id = ?`);
  const retry = db.prepare(`UPDATE print_jobs SET tries = tries + 1, last_error = ?, updated_at = ?,
    next_try_at = ? WHERE job_id = ?`);
  const sending = db.prepare('UPDATE print_jobs SET last_error = ?, updated_at = ? WHERE job_id = ?');
  const failed = db.prepare(`UPDATE print_jobs SET state = 'failed', tries = tries + 1, last_error = ?,
    updated_at = ?, next_try_at = NULL WHERE job_id = ?`);

  return {
    add(job: NewPrintJob): PrintJobRow {
      const info = insert.run(
        job.kind,
        job.refId,
        job.copy,
        job.reprint ? 1 : 0,
        job.printer,
        job.at,
        job.at,
        job.at,
      );
      return fromRaw(byId.get(Number(info.lastInsertRowid)) as Raw);
    },
    get(jobId: number): PrintJobRow | null {
      const r = byId.get(jobId) as Raw | undefined;
      return r ? fromRaw(r) : null;
    },
    due(now: number): PrintJobRow[] {
      return (due.all(now) as Raw[]).map(fromRaw);
    },
    nextDueAt(): number | null {
      return (nextDue.get() as { at: number | null }).at;
    },
    recent(limit: number): PrintJobRow[] {
      return (recent.all(limit) as Raw[]).map(fromRaw);
    },
    forRef(refId: string): PrintJobRow[] {
      return (forRef.all(refId) as Raw[]).map(fromRaw);
    },
    markPrinted(jobId: number, at: number): void {
      printed.run(at, at, jobId);
    },
    /**
     * Its bytes are about to go to the printer. Should the till die before markPrinted, the job is found
     * queued with this mark on the next start: the customer may hold the receipt already, so it is
     * printed again marked as a reprint, never as a second original.
     */
    markSending(jobId: number, at: number): void {
      sending.run(PRINT_INTERRUPTED, at, jobId);
    },
    markRetry(jobId: number, error: string, at: number, nextTryAt: number): void {
      retry.run(error, at, nextTryAt, jobId);
    },
    markFailed(jobId: number, error: string, at: number): void {
      failed.run(error, at, jobId);
    },
  };
}

export type PrintJobsRepo = ReturnType<typeof createPrintJobsRepo>;

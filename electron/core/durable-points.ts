// Named points at the till's durable writes beyond the payment path (whose points the payments engine
// takes as an option: payments/fault-points.ts). The crash harness kills the till at each of them
// (test/bench/crash-harness.ts). These writes sit in modules that take no such option, so the hook is
// process-wide: only the harness's worker sets it; in production it does nothing.
export const DURABLE_POINTS = [
  /** A receipt's print jobs are journaled as queued; no byte has gone to the printer. */
  'print.queued',
  /** The printer took the receipt's bytes; the job is not yet marked printed. */
  'print.sent',
  /** The job is journaled as printed. */
  'print.done',
  /** The sync agent read a batch of events from the journal; nothing shipped yet. */
  'sync.batch-read',
  /** The central database committed the batch; the till has not written the acknowledgement. */
  'sync.central-committed',
  /** The acknowledgement is written to the journal. */
  'sync.ack-written',
  /** The shift close reconciled every order with OTTPay; nothing of the close is journaled. */
  'shift.reconciled',
  /** The shift is journaled as closed with its frozen Z report. */
  'shift.z-frozen',
  /** A staff account was added (journaled). */
  'staff.saved',
  /** A staff member's new PIN is journaled. */
  'pin.saved',
  /** The new settings are in settings.json.tmp (flushed); settings.json is still the old one. */
  'settings.temp-written',
  /** settings.json was replaced by the new settings. */
  'settings.renamed',
  /** The new secrets are in the secrets file's .tmp (flushed); the file is still the old one. */
  'secrets.temp-written',
  /** The secrets file was replaced. */
  'secrets.renamed',
  // The POS API's payment creation has its own points (pos-api/fault-points.ts: pos.payment-journaled,
  // pos.payment-answered), reached through the till core's posApiFault option; the harness kills there too.
] as const;

export type DurablePoint = (typeof DURABLE_POINTS)[number];

let hook: (point: DurablePoint) => void = () => {};

/** Reached at each durable write; a no-op unless the crash harness's worker set a hook. */
export function durablePoint(point: DurablePoint): void {
  hook(point);
}

/** For the crash harness's worker only. */
export function setDurablePointHook(next: (point: DurablePoint) => void): void {
  hook = next;
}

// Named points where the crash harness may kill the till (SIGKILL). In production the hook is a no-op.
// Each name says what is durable at that moment.
export const FAULT_POINTS = [
  /** A pay command was accepted; nothing journaled yet. */
  'attempt.before-journal',
  /** The attempt and its SEND are journaled (one transaction); the screens have not heard of it yet. */
  'attempt.journaled',
  /** The request is about to leave (the screens hear of the SEND once it is under way: send-notice.ts). */
  'attempt.submitted',
  /** The pay answer (or error) came back; not journaled yet. */
  'attempt.answered',
  /** The pay answer is journaled. */
  'attempt.answer-journaled',
  /** A status query answered; not journaled yet. */
  'poll.answered',
  /** The query's answer is journaled. */
  'poll.journaled',
  /** A verified call-back was recorded; the confirming query has not run. */
  'callback.recorded',
  /** The confirming query answered; not journaled yet. */
  'callback.confirmed',
  /** Start-up recovery began. */
  'recovery.started',
  /** Recovery's first query answered; not journaled yet. */
  'recovery.answered',
  /** A refund is journaled as created. */
  'refund.journaled',
  /** The refund's SEND is journaled; the request has not left yet. */
  'refund.submitted',
  /** The refund answer came back; not journaled yet. */
  'refund.answered',
] as const;

export type FaultPoint = (typeof FAULT_POINTS)[number];
export type FaultHook = (point: FaultPoint) => void;

export const noFault: FaultHook = () => {};

// Named points where a crash harness may kill the till during a POS payment (SIGKILL), beside the
// engine's own (payments/fault-points.ts). In production the hook is a no-op. Each name says what is
// durable at that moment.
export const POS_FAULT_POINTS = [
  /** The POS payment (idempotency record, sale, attempt) is journaled and started; its 201 is not written yet. */
  'pos.payment-journaled',
  /** The 201 (or 200) answer was handed to the connection. */
  'pos.payment-answered',
] as const;

export type PosFaultPoint = (typeof POS_FAULT_POINTS)[number];
export type PosFaultHook = (point: PosFaultPoint) => void;

export const noPosFault: PosFaultHook = () => {};

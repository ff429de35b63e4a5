// What a till ships in one go: a run of its journal's events, in sequence order, plus the current rows
// of the attempts and refunds those events touch (the projections the central side keeps), all read in
// one journal transaction as of event `asOfSeq`, and the till's staff directory (names, no PINs). Validated where it enters the central database.
import { z } from 'zod';

const text = z.string().min(1).max(200);
const cents = z.number().int().min(0);
const ms = z.number().int();

export const shippedEventSchema = z
  .object({
    seq: z.number().int().min(1),
    at: ms,
    entity: text,
    entityId: text,
    type: text,
    cause: text,
    fromState: z.string().max(40).nullable(),
    toState: z.string().max(40).nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .strict();

export const attemptSnapshotSchema = z
  .object({
    attemptId: text,
    orderId: text,
    saleId: text,
    mode: text,
    wallet: text,
    amountCents: cents,
    tipCents: cents,
    currency: text,
    state: text,
    operatorId: text,
    cashierId: z.string().max(64).nullable(),
    terminalNo: text,
    createdAt: ms,
    paidAt: ms.nullable(),
    needsAttention: z.boolean(),
    manual: z.boolean(),
    refundedCents: cents,
  })
  .strict();

export const refundSnapshotSchema = z
  .object({
    refundId: text,
    attemptId: text,
    orderId: text,
    amountCents: cents,
    currency: text,
    state: text,
    operatorId: text,
    createdAt: ms,
    needsAttention: z.boolean(),
    /** The signed-in cashier and the approving supervisor (staff ids of the till); absent from older tills. */
    cashierId: z.string().max(64).nullable().optional(),
    approverId: z.string().max(64).nullable().optional(),
  })
  .strict();

/** One entry of the till's staff directory: never its PIN hash (strict: any other field is refused). */
export const staffEntrySchema = z
  .object({
    staffId: z.string().min(1).max(64),
    name: z.string().min(1).max(60),
    role: z.enum(['cashier', 'supervisor', 'owner']),
    active: z.boolean(),
  })
  .strict();

export const batchSchema = z
  .object({
    storeId: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'store id is 1 to 64 letters, digits, . _ -'),
    tillId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    terminalNo: text,
    timeZone: text,
    appVersion: z.string().max(40),
    /** The till's clock when it sent the batch: the central side records how far off it is. */
    sentAt: ms,
    asOfSeq: z.number().int().min(0),
    events: z.array(shippedEventSchema).min(1).max(5000),
    attempts: z.array(attemptSnapshotSchema).max(10000),
    refunds: z.array(refundSnapshotSchema).max(10000),
    /** The till's whole staff directory (small), so the central report names its cashiers. */
    staff: z.array(staffEntrySchema).max(10000).optional(),
  })
  .strict()
  .refine((b) => b.events.every((e, i) => i === 0 || e.seq > (b.events[i - 1]?.seq ?? 0)), {
    message: 'events must be in increasing sequence order',
  })
  .refine((b) => (b.events[b.events.length - 1]?.seq ?? 0) <= b.asOfSeq, {
    message: 'asOfSeq must cover every event of the batch',
  });

export type ShippedEvent = z.infer<typeof shippedEventSchema>;
export type AttemptSnapshot = z.infer<typeof attemptSnapshotSchema>;
export type RefundSnapshot = z.infer<typeof refundSnapshotSchema>;
export type StaffEntry = z.infer<typeof staffEntrySchema>;
export type Batch = z.infer<typeof batchSchema>;

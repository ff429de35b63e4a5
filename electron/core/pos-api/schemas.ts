// The POS API's wire shapes, as zod schemas: the boundary validates requests with them, and the
// OpenAPI document (openapi.ts) is generated from the very same schemas, so the two cannot drift.
import { z } from 'zod';

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{1,64}$/;
/** Amounts a POS may ask for: whole cents, at most the int32 range (the till's own limit is checked after). */
const cents = z.number().int().min(0).max(2_147_483_647);

export const createPaymentSchema = z
  .object({
    amountCents: cents.min(1).describe('The amount to charge, in integer cents'),
    tipCents: cents.optional().describe('A tip on top of the amount, in integer cents (default 0)'),
    method: z
      .enum(['WECHATPAY', 'ALIPAY', 'UNIONPAY', 'SCAN'])
      .describe('A wallet: the till shows its QR at once. SCAN: the till waits for the customer’s code'),
    reference: z
      .string()
      .min(1)
      .max(32)
      .optional()
      .describe('The POS’s own order number, shown on the till and searchable in its history'),
  })
  .strict();

export type CreatePayment = z.infer<typeof createPaymentSchema>;

export const createRefundSchema = z
  .object({ amountCents: cents.min(1).describe('The amount to refund, in integer cents') })
  .strict();

export const paymentStateSchema = z
  .enum(['waiting', 'processing', 'checking', 'paid', 'failed', 'cancelled'])
  .describe('checking: the outcome is not known yet and is being resolved — never treat it as failed');

export const paymentSchema = z
  .object({
    id: z.string(),
    state: paymentStateSchema,
    amountCents: z.number().int(),
    tipCents: z.number().int(),
    currency: z.string(),
    method: z.enum(['WECHATPAY', 'ALIPAY', 'UNIONPAY', 'SCAN']),
    wallet: z.enum(['WECHATPAY', 'ALIPAY', 'UNIONPAY']).nullable(),
    reference: z.string().nullable(),
    orderId: z.string().nullable().describe('The till’s OTTPay order id (null while SCAN waits for a code)'),
    codeUrl: z.string().nullable().describe('What the QR encodes: active payments, while waiting'),
    walletTxnId: z.string().nullable().describe('The wallet’s transaction number, once paid'),
    failure: z.object({ code: z.string(), message: z.string() }).strict().nullable(),
    createdAt: z.string().describe('ISO 8601'),
    updatedAt: z.string().describe('ISO 8601'),
  })
  .strict();

export type PosPayment = z.infer<typeof paymentSchema>;

export const refundSchema = z
  .object({
    id: z.string(),
    paymentId: z.string(),
    state: z.enum(['processing', 'checking', 'refunded', 'failed']),
    amountCents: z.number().int(),
    currency: z.string(),
    failure: z.object({ code: z.string(), message: z.string() }).strict().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();

export type PosRefund = z.infer<typeof refundSchema>;

export const errorSchema = z
  .object({
    error: z
      .string()
      .describe(
        'idempotency-key-reused, till-busy, till-locked, refunds-disabled, invalid-request, not-found, ' +
          'not-cancellable, gateway-unavailable, rate-limited, body-too-large, unsupported-media-type, …',
      ),
    field: z.string().optional().describe('400: the request field at fault'),
    message: z.string().optional(),
  })
  .strict();

export type PosError = z.infer<typeof errorSchema>;

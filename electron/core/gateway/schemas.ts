// What each OTTPay answer's decrypted `data` must look like before anything leaves the gateway folder.
// OTTPay varies between strings and numbers for the same field: both are accepted. Required fields
// are strict (a pay answer without them is an unknown outcome); informational ones are lenient (null).
import { z } from 'zod';
import { codeUrlProblem } from './code-url.ts';
import type { OrderStatus } from './types.ts';

export const ORDER_STATUSES = [
  'init',
  'notpay',
  'success',
  'canceling',
  'failure',
  'orderclosed',
  'authfinish',
  'partial_refunded',
  'fully_refunded',
] as const satisfies readonly OrderStatus[];

const scalar = z.union([z.string(), z.number()]);

/** Integer cents from "100", "100.0" or 100; anything else (or absent) reads as null. */
export function toCents(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d{1,15})(?:\.0*)?\s*$/.exec(value);
  return m ? Number(m[1]) : null;
}

const lenientCents = z.unknown().optional().transform(toCents);
const lenientText = z
  .unknown()
  .optional()
  .transform((v) =>
    typeof v === 'string' && v !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null,
  );
const status = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.enum(ORDER_STATUSES));

export const activePayData = z.object({
  code_url: z
    .string()
    .trim()
    .min(1, 'code_url is empty')
    .superRefine((v, ctx) => {
      const problem = codeUrlProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  order_id: lenientText,
});

export const orderStateData = z.object({
  order_status: status.optional(),
  order_id: lenientText,
  trade_time: lenientText,
  total_amount: lenientCents,
  tip: lenientCents,
  refund_fee: lenientCents,
  bizpay_order_id: lenientText,
  buyer_login_id: lenientText,
  buyer_logon_id: lenientText,
  exchange_rate: lenientText,
  receive_amount: lenientCents,
  pay_amount: lenientCents,
});

export const refundData = z.object({
  order_id: lenientText,
  ori_order_id: lenientText,
  refund_amt: lenientCents,
  order_status: status.optional(),
});

export const exchangeRateData = z.object({
  rate: scalar.transform((v, ctx) => {
    const n = typeof v === 'number' ? v : /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : Number.NaN;
    if (!Number.isFinite(n) || n <= 0) {
      ctx.addIssue({ code: 'custom', message: 'rate is not a positive number' });
      return z.NEVER;
    }
    return { value: n, raw: typeof v === 'string' ? v.trim() : String(v) };
  }),
  feeType: lenientText,
  fee_type: lenientText,
});

export const callbackData = z.object({
  order_id: z.union([z.string().min(1), z.number()]).transform(String),
  amount: lenientCents,
  tip: lenientCents,
  bizpay_order_id: lenientText,
  finish_time: lenientText,
  merchant_id: lenientText,
  order_status: status.optional(),
  exchange_rate: lenientText,
  sale_num: lenientText,
});

/** "order_status: Invalid option…" — the first issue, short enough for a log line. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid data';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

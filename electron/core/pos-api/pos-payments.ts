// What the POS API does with a payment request, on the till's own core: the same engine calls, amount
// limits and shift rules as a cashier's keyed sale (no second path to money). The idempotency record is
// journaled inside the engine's transaction for the sale (and its attempt), before OTTPay hears of it.
import { createHash } from 'node:crypto';
import type { Wallet } from '../../../shared/domain.ts';
import { AppError } from '../../../shared/result.ts';
import type { CoreContext } from '../app/core-context.ts';
import { cashierWithShift, checkAmount } from '../app/sale-handlers.ts';
import type { PaymentsChange } from '../payments/changes.ts';
import { withApprover } from '../staff/approval-context.ts';
import { noPosFault, type PosFaultHook } from './fault-points.ts';
import { posPaymentView, posRefundView } from './payment-view.ts';
import { type PosRecords, posRecordsOf } from './pos-records.ts';
import type { CreatePayment, PosPayment, PosRefund } from './schemas.ts';

/** The journal's approver of refunds asked over the API (no staff account approves them). */
export const POS_API_APPROVER = 'pos-api';
/** GET ?wait=S: at most this many requests held at once (a flood of waits does not hold the till). */
export const MAX_WAITS = 32;

export class PosRefusal extends Error {
  readonly status: number;
  readonly body: { error: string; field?: string; message?: string };
  constructor(status: number, error: string, extra: { field?: string; message?: string } = {}) {
    super(error);
    this.status = status;
    this.body = { error, ...extra };
  }
}

export interface PosPaymentsDeps {
  ctx: CoreContext;
  /** The payments engine's changes, whichever stack is current (till-core fans them out). */
  onChange(listener: (change: PaymentsChange) => void): () => void;
  refundsAllowed(): boolean;
  /** Crash-harness hook (fault-points.ts); a no-op in production. */
  faultPoint?: PosFaultHook;
}

export type Answer<T> = { status: 200 | 201; body: T };

function requestHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** The engine's refusals as the API words them; the till's amount limits name the field at fault. */
function refusalOf(err: unknown): unknown {
  if (!(err instanceof AppError)) return err;
  switch (err.code) {
    case 'VALIDATION': {
      const field =
        err.reason === 'tip-over-limit'
          ? 'tipCents'
          : err.reason === 'wallet-not-enabled'
            ? 'method'
            : /tip/i.test(err.message)
              ? 'tipCents'
              : 'amountCents';
      return new PosRefusal(400, 'invalid-request', { field, message: err.message });
    }
    case 'NOT_ALLOWED':
      return new PosRefusal(409, 'till-locked');
    case 'CONFLICT':
      return new PosRefusal(409, 'till-busy', { message: err.message });
    case 'GATEWAY_UNREACHABLE':
      return new PosRefusal(503, 'gateway-unavailable', { message: err.message });
    case 'STORAGE':
      return new PosRefusal(503, 'journal-busy', { message: err.message });
    default:
      return err;
  }
}

export function createPosPayments(deps: PosPaymentsDeps) {
  const { ctx } = deps;
  const fault = deps.faultPoint ?? noPosFault;
  /** Keys being created right now: a retry during creation waits for the first, then answers its payment. */
  const creating = new Map<string, Promise<unknown>>();
  /** One creation at a time: the busy check and the engine's new sale cannot interleave with another POS. */
  let queue: Promise<unknown> = Promise.resolve();
  let waits = 0;

  function records(): PosRecords {
    const journal = ctx.journal();
    if (!journal) throw new PosRefusal(503, 'journal-unavailable');
    return posRecordsOf(journal.db);
  }

  function view(saleId: string): PosPayment {
    const journal = ctx.journal();
    const record = records().paymentBySale(saleId);
    const sale = journal?.sales.get(saleId);
    if (!journal || !record || !sale) throw new PosRefusal(404, 'not-found');
    const current = ctx.payments().currentSale();
    return posPaymentView(record, sale, journal.attempts.forSale(saleId), {
      waitingForCode: current?.saleId === saleId && current.phase === 'waiting_for_scan',
    });
  }

  async function createNew(key: string, req: CreatePayment, hash: string): Promise<Answer<PosPayment>> {
    if (ctx.staff.cashier() === null) throw new PosRefusal(409, 'till-locked');
    const current = ctx.payments().currentSale();
    if (current && current.phase !== 'paid' && current.phase !== 'failed')
      throw new PosRefusal(409, 'till-busy');
    const tipCents = req.tipCents ?? 0;
    const wallet: Wallet | undefined = req.method === 'SCAN' ? undefined : req.method;
    try {
      checkAmount(ctx, req.amountCents, tipCents, wallet);
      await cashierWithShift(ctx);
      // The shift may have opened meanwhile (an await): the till must still be free. (Its payments
      // stack too may have been rebuilt by a settings change: take the current one.)
      const payments = ctx.payments();
      const now = payments.currentSale();
      if (now && now.phase !== 'paid' && now.phase !== 'failed') throw new PosRefusal(409, 'till-busy');
      // A finished sale on screen (paid, declined) makes way for the POS's, as "New sale" would.
      if (now) payments.newSale({ paymentFollows: true });
      const journalWith = (saleId: string) => {
        const journal = ctx.journal();
        if (!journal) throw new AppError('STORAGE', 'no journal');
        const at = ctx.clock.now();
        posRecordsOf(journal.db).insertPayment({
          saleId,
          idemKey: key,
          requestHash: hash,
          method: req.method,
          reference: req.reference ?? null,
          createdAt: at,
        });
        journal.events.append({
          at,
          entity: 'sale',
          entityId: saleId,
          type: 'pos.payment',
          cause: 'command',
          detail: { method: req.method, reference: req.reference ?? null, idempotencyKey: key },
        });
      };
      let saleId: string;
      if (wallet === undefined) {
        const sale = await payments.beginPassive({ amountCents: req.amountCents, tipCents, journalWith });
        ctx.syncScanWait();
        saleId = sale.saleId;
      } else {
        const attempt = await payments.payActive({
          amountCents: req.amountCents,
          tipCents,
          wallet,
          journalWith,
        });
        saleId = attempt.saleId;
      }
      fault('pos.payment-journaled');
      ctx.logger.info(
        `POS payment ${saleId} started (${req.method}${req.reference ? `, ref ${req.reference}` : ''})`,
      );
      return { status: 201, body: view(saleId) };
    } catch (err) {
      throw refusalOf(err);
    }
  }

  async function create(key: string, req: CreatePayment): Promise<Answer<PosPayment>> {
    const hash = requestHash({
      amountCents: req.amountCents,
      tipCents: req.tipCents ?? 0,
      method: req.method,
      reference: req.reference ?? null,
    });
    const earlier = creating.get(key);
    if (earlier) await earlier.catch(() => undefined);
    const known = records().paymentByKey(key);
    if (known) {
      if (known.requestHash !== hash) throw new PosRefusal(409, 'idempotency-key-reused');
      return { status: 200, body: view(known.saleId) };
    }
    const run = queue.then(() => createNew(key, req, hash));
    queue = run.catch(() => undefined);
    creating.set(key, run);
    try {
      return await run;
    } finally {
      if (creating.get(key) === run) creating.delete(key);
    }
  }

  /** Now, or once the state changes (or `waitSeconds` pass). `closed` ends the wait early (client gone). */
  async function get(saleId: string, waitSeconds: number, closed?: AbortSignal): Promise<PosPayment> {
    const first = view(saleId);
    if (waitSeconds <= 0 || ['paid', 'failed', 'cancelled'].includes(first.state)) return first;
    if (waits >= MAX_WAITS) throw new PosRefusal(429, 'too-many-waits');
    waits++;
    try {
      await new Promise<void>((resolve) => {
        let off = () => {};
        const done = () => {
          off();
          ctx.clock.clearTimeout(timer);
          closed?.removeEventListener('abort', done);
          resolve();
        };
        const timer = ctx.clock.setTimeout(done, waitSeconds * 1000);
        off = deps.onChange(() => {
          try {
            if (view(saleId).state !== first.state) done();
          } catch {
            done();
          }
        });
        closed?.addEventListener('abort', done);
      });
    } finally {
      waits--;
    }
    return view(saleId);
  }

  /** Cancels while it can (the till's own cancel); answers the state that results. */
  function cancel(saleId: string): PosPayment {
    const before = view(saleId);
    const payments = ctx.payments();
    if (payments.currentSale()?.saleId === saleId && before.state !== 'paid') {
      try {
        payments.cancel();
        ctx.syncScanWait();
        ctx.logger.info(`POS payment ${saleId} cancelled by the POS`);
      } catch (err) {
        throw refusalOf(err);
      }
    }
    return view(saleId);
  }

  async function refund(saleId: string, key: string, amountCents: number): Promise<Answer<PosRefund>> {
    if (!deps.refundsAllowed()) throw new PosRefusal(403, 'refunds-disabled');
    const hash = requestHash({ saleId, amountCents });
    const journal = ctx.journal();
    if (!journal) throw new PosRefusal(503, 'journal-unavailable');
    const known = records().refundByKey(key);
    if (known) {
      if (known.requestHash !== hash) throw new PosRefusal(409, 'idempotency-key-reused');
      const row = journal.refunds.get(known.refundId);
      if (!row) throw new PosRefusal(404, 'not-found');
      return { status: 200, body: posRefundView(row, known.saleId) };
    }
    view(saleId);
    const paid = journal.attempts.forSale(saleId).find((a) => a.state === 'paid');
    if (!paid) throw new PosRefusal(409, 'not-paid');
    try {
      const r = await withApprover(POS_API_APPROVER, () =>
        ctx.payments().refund({
          attemptId: paid.attemptId,
          amountCents,
          journalWith: (refundId) =>
            posRecordsOf(journal.db).insertRefund({
              idemKey: key,
              requestHash: hash,
              saleId,
              refundId,
              createdAt: ctx.clock.now(),
            }),
        }),
      );
      ctx.logger.info(`POS refund ${r.refundId} of payment ${saleId}`);
      if (r.state === 'refunded')
        ctx.receipts.print('refund', r.refundId, ctx.receipts.refundCopies(), false);
      const row = journal.refunds.get(r.refundId);
      if (!row) throw new PosRefusal(404, 'not-found');
      return { status: 201, body: posRefundView(row, saleId) };
    } catch (err) {
      if (err instanceof AppError && err.code === 'CONFLICT')
        throw new PosRefusal(409, 'refund-refused', { message: err.message });
      throw refusalOf(err);
    }
  }

  /** A POS payment whose attempt failed closes at once: a later cashier retry cannot turn "failed" into "paid". */
  function settle(): void {
    const payments = ctx.payments();
    const sale = payments.currentSale();
    if (sale?.phase !== 'failed') return;
    const journal = ctx.journal();
    if (!journal || !posRecordsOf(journal.db).paymentBySale(sale.saleId)) return;
    try {
      payments.newSale();
      ctx.syncScanWait();
    } catch (err) {
      ctx.logger.warn(`POS payment ${sale.saleId} stays open`, { error: String(err) });
    }
  }

  /**
   * At start: a POS SCAN payment left waiting for a code by the last run (nothing was sent for it) is
   * no longer waited for — closed, so the POS hears "cancelled" instead of a wait that never ends.
   */
  function dropStaleScan(): void {
    const payments = ctx.payments();
    const sale = payments.currentSale();
    const journal = ctx.journal();
    if (sale?.phase !== 'entering' || !journal) return;
    if (!posRecordsOf(journal.db).paymentBySale(sale.saleId)) return;
    payments.cancel();
    ctx.syncScanWait();
    ctx.logger.info(`POS payment ${sale.saleId} was waiting for a code when the till stopped: cancelled`);
  }

  return { create, get, cancel, refund, settle, view, fault, dropStaleScan };
}

export type PosPayments = ReturnType<typeof createPosPayments>;

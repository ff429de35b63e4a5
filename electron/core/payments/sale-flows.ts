// Starting payments: the sale, one live attempt per sale (rule 4), journal before network (rule 1),
// the pay request sent exactly once, and its answer — or the lack of one — journaled (rule 3).
import type { AttemptView, PayMode, SaleView, Wallet } from '../../../shared/domain.ts';
import { isCents } from '../../../shared/money.ts';
import { isLiveAttemptState } from '../../../shared/payments/attempt-machine.ts';
import { reasonText } from '../../../shared/payments/attempt-reasons.ts';
import { AppError } from '../../../shared/result.ts';
import { UnusableCodeUrlError } from '../gateway/code-url.ts';
import type { AttemptRow, SaleRow } from '../journal/rows.ts';
import { currentSaleView, type EngineState, emitSale } from './engine-state.ts';
import { requireGatewayUp } from './gateway-reach.ts';
import { applyAttempt, journalAttempt } from './journaled-changes.ts';
import { changeFromOrderState, changeFromPayError } from './outcomes.ts';
import { announceAfterSend } from './send-notice.ts';
import type { AttemptApplied } from './transitions.ts';
import { attemptView } from './views.ts';
import { hashWalletCode, maskWalletCode, normaliseCode } from './wallet-code.ts';
import { watchAttempt } from './watches.ts';

const STATE_WORDS: Record<string, string> = {
  created: 'being started',
  submitted: 'being sent to the gateway',
  awaiting_customer: 'waiting for the customer',
  unknown: 'being checked with the gateway',
  cancelling: 'being cancelled (checking with the gateway that the customer did not pay)',
};

export function checkAmounts(amountCents: number, tipCents: number): void {
  if (!isCents(amountCents) || amountCents < 1)
    throw new AppError('VALIDATION', 'Amount must be a whole number of cents above zero');
  if (!isCents(tipCents)) throw new AppError('VALIDATION', 'Tip must be a whole number of cents');
}

function checkWallet(core: EngineState, wallet: Wallet): void {
  if (!core.s.wallets.includes(wallet))
    throw new AppError('VALIDATION', `${wallet} is not offered on this till`, false, 'wallet-not-enabled', {
      wallet,
    });
}

/** The sale a new attempt belongs to: the open one (if it may take another attempt) or a new one. */
function saleForNewAttempt(
  core: EngineState,
  amountCents: number,
  tipCents: number,
  saleId?: string,
): SaleRow {
  const now = core.clock.now();
  const open = core.current ? core.journal.sales.get(core.current.saleId) : null;
  if (saleId !== undefined && open?.saleId !== saleId)
    throw new AppError('NOT_FOUND', 'That sale is not the open sale');
  if (open) {
    const attempts = core.journal.attempts.forSale(open.saleId);
    const live = attempts.find((a) => isLiveAttemptState(a.state));
    if (live) {
      throw new AppError(
        'CONFLICT',
        `A payment for this sale is still ${STATE_WORDS[live.state] ?? live.state}. Wait for it to finish or cancel it: ` +
          'starting another could charge the customer twice.',
      );
    }
    if (attempts.some((a) => a.state === 'paid'))
      throw new AppError('CONFLICT', 'This sale is already paid. Start a new sale.');
    return { ...open, amountCents, tipCents, updatedAt: now };
  }
  return {
    saleId: core.ids.next(),
    amountCents,
    tipCents,
    currency: core.s.currency,
    operatorId: core.operatorId(),
    terminalNo: core.s.terminalNo,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
  };
}

/**
 * What a caller journals with a new sale or attempt, in the same transaction (the POS API's
 * idempotency record): it commits with the payment, before anything reaches OTTPay, or not at all.
 */
export type JournalWith = (saleId: string) => void;

/**
 * Journals the sale (new, or its amount), the attempt and its SEND transition in one transaction: one
 * fsync before the request leaves, not two. Both events are in the trail; no byte has left before the
 * commit (rule 1), and a crash before the request leaves is a 'submitted' attempt the gateway does not
 * know, which the "not found" grace resolves as failed.
 */
function journalNewAttempt(
  core: EngineState,
  sale: SaleRow,
  a: { mode: PayMode; wallet: Wallet; codeMasked: string | null; codeHash: string | null },
  journalWith?: JournalWith,
): { row: AttemptRow; sent: AttemptApplied } {
  const now = core.clock.now();
  const orderId = core.ids.next();
  const row: AttemptRow = {
    attemptId: orderId,
    orderId,
    saleId: sale.saleId,
    mode: a.mode,
    wallet: a.wallet,
    amountCents: sale.amountCents,
    tipCents: sale.tipCents,
    currency: sale.currency,
    state: 'created',
    gatewaySeen: false,
    reason: null,
    qrPayload: null,
    qrExpiresAt: null,
    walletTxnId: null,
    codeMasked: a.codeMasked,
    codeHash: a.codeHash,
    operatorId: core.operatorId(),
    terminalNo: core.s.terminalNo,
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
    paidAt: null,
    cancelCause: null,
    needsAttention: false,
    manual: false,
    refundedCents: 0,
  };
  let sent: AttemptApplied;
  try {
    sent = core.journal.write(() => {
      writeSale(core, sale);
      core.journal.attempts.insert(row);
      core.journal.events.append({
        at: now,
        entity: 'attempt',
        entityId: row.attemptId,
        type: 'attempt.created',
        cause: 'command',
        toState: 'created',
        detail: {
          orderId,
          saleId: sale.saleId,
          mode: a.mode,
          wallet: a.wallet,
          amountCents: row.amountCents,
          tipCents: row.tipCents,
          currency: row.currency,
          operatorId: row.operatorId,
          terminalNo: row.terminalNo,
          ...(a.codeMasked ? { code: a.codeMasked } : {}),
        },
      });
      journalWith?.(sale.saleId);
      return journalAttempt(core, row.attemptId, {
        event: 'SEND',
        cause: 'command',
        patch: { submittedAt: now },
      });
    });
  } catch (err) {
    // The journal's own refusals (busy past the timeout) already say that nothing was changed.
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CONSTRAINT')) {
      throw new AppError(
        'CONFLICT',
        'This sale already has a payment in progress, or this wallet code was already used.',
      );
    }
    throw new AppError('STORAGE', 'The payment could not be written to the journal: nothing was sent.');
  }
  core.current = { saleId: sale.saleId, waitingForCode: false };
  return { row, sent };
}

export function writeSale(core: EngineState, sale: SaleRow): void {
  const existing = core.journal.sales.get(sale.saleId);
  if (!existing) {
    core.journal.sales.insert(sale);
    core.journal.events.append({
      at: sale.createdAt,
      entity: 'sale',
      entityId: sale.saleId,
      type: 'sale.created',
      cause: 'command',
      detail: { amountCents: sale.amountCents, tipCents: sale.tipCents, currency: sale.currency },
    });
  } else if (existing.amountCents !== sale.amountCents || existing.tipCents !== sale.tipCents) {
    core.journal.sales.update(sale);
    core.journal.events.append({
      at: sale.updatedAt,
      entity: 'sale',
      entityId: sale.saleId,
      type: 'sale.amount_changed',
      cause: 'command',
      detail: {
        amountCents: sale.amountCents,
        tipCents: sale.tipCents,
        was: existing.amountCents,
        wasTip: existing.tipCents,
      },
    });
  }
}

/** The gateway call as a promise, even when a client throws before it has one (its answer is then that error). */
function requestOf<T>(call: () => Promise<T>): Promise<T> {
  try {
    return call();
  } catch (err) {
    return Promise.reject(err);
  }
}

/** The attempt and its SEND are durable: the request may leave (the screens hear of it once it has). */
function sent(core: EngineState): void {
  core.fault('attempt.journaled');
  core.fault('attempt.submitted');
}

export async function payActive(
  core: EngineState,
  req: { amountCents: number; tipCents: number; wallet: Wallet; saleId?: string; journalWith?: JournalWith },
): Promise<AttemptView> {
  checkAmounts(req.amountCents, req.tipCents);
  checkWallet(core, req.wallet);
  await requireGatewayUp(core);
  // From here to the request, no await: the live-attempt check and the journal write cannot interleave.
  const sale = saleForNewAttempt(core, req.amountCents, req.tipCents, req.saleId);
  core.fault('attempt.before-journal');
  const journaled = journalNewAttempt(
    core,
    sale,
    {
      mode: 'active',
      wallet: req.wallet,
      codeMasked: null,
      codeHash: null,
    },
    req.journalWith,
  );
  const row = journaled.row;
  sent(core);
  const request = requestOf(() =>
    core.gateway.activePay({
      orderId: row.orderId,
      amountCents: row.amountCents,
      tipCents: row.tipCents,
      wallet: row.wallet,
      callbackUrl: core.s.callbackUrl,
      operatorId: row.operatorId,
    }),
  );
  const notice = announceAfterSend(core, row.attemptId, journaled.sent);
  return core.track(
    (async () => {
      try {
        const res = await request;
        notice.tellNow();
        core.health.up();
        core.fault('attempt.answered');
        applyAttempt(core, row.attemptId, {
          event: 'QR_ISSUED',
          cause: 'gateway',
          reason: null,
          detail: { codeUrl: res.codeUrl },
          patch: {
            gatewaySeen: true,
            qrPayload: res.codeUrl,
            qrExpiresAt: core.clock.now() + core.s.qrExpiryMs,
          },
        });
      } catch (err) {
        notice.tellNow();
        core.health.observe(err);
        core.fault('attempt.answered');
        applyAttempt(core, row.attemptId, changeFromPayError(err, 'gateway'));
        // A code_url no QR can show: the customer has nothing to scan, so it is cancelled at once, as
        // an expired QR is, and still resolved with the gateway (cancelling keeps asking until closed).
        if (err instanceof UnusableCodeUrlError)
          applyAttempt(core, row.attemptId, {
            event: 'CANCEL',
            cause: 'gateway',
            reason: reasonText('qrUnusable'),
            patch: { cancelCause: 'qr_expired' },
          });
      }
      core.fault('attempt.answer-journaled');
      watchAttempt(core, row.attemptId, 'active');
      return attemptView(core.journal.attempts.get(row.attemptId) ?? row, core.clock.now());
    })(),
  );
}

/** Passive pay, step 1: the sale waits for the customer's wallet code. */
export async function beginPassive(
  core: EngineState,
  req: { amountCents: number; tipCents: number; saleId?: string; journalWith?: JournalWith },
): Promise<SaleView> {
  checkAmounts(req.amountCents, req.tipCents);
  await requireGatewayUp(core);
  const sale = saleForNewAttempt(core, req.amountCents, req.tipCents, req.saleId);
  core.journal.write(() => {
    writeSale(core, sale);
    req.journalWith?.(sale.saleId);
  });
  core.current = { saleId: sale.saleId, waitingForCode: true };
  emitSale(core);
  const view = currentSaleView(core);
  if (!view) throw new AppError('INTERNAL', 'the sale vanished');
  return view;
}

/** Passive pay, step 2: a scanned (or typed) wallet code — a new attempt with a new order id. */
export async function submitPassiveCode(
  core: EngineState,
  code: string,
  detectWallet: (code: string) => Wallet | null,
  source: string | undefined,
): Promise<AttemptView> {
  const trimmed = normaliseCode(code);
  if (!core.current?.waitingForCode)
    throw new AppError('CONFLICT', 'The till is not waiting for a wallet code');
  const wallet = detectWallet(trimmed);
  if (!wallet) throw new AppError('VALIDATION', 'This is not a WeChat Pay, Alipay or UnionPay payment code');
  checkWallet(core, wallet);
  const hash = hashWalletCode(core.codeHashKey, trimmed);
  if (core.journal.attempts.isCodeHashUsed(hash)) {
    throw new AppError(
      'CONFLICT',
      'This payment code was already used. Ask the customer to refresh the code in the wallet.',
    );
  }
  await requireGatewayUp(core);
  if (!core.current?.waitingForCode)
    throw new AppError('CONFLICT', 'The till is not waiting for a wallet code');
  const open = core.journal.sales.get(core.current.saleId);
  if (!open) throw new AppError('NOT_FOUND', 'The sale is gone');
  const sale = saleForNewAttempt(core, open.amountCents, open.tipCents, open.saleId);
  core.fault('attempt.before-journal');
  const journaled = journalNewAttempt(core, sale, {
    mode: 'passive',
    wallet,
    codeMasked: maskWalletCode(trimmed),
    codeHash: hash,
  });
  const row = journaled.row;
  sent(core);
  const request = requestOf(() =>
    core.gateway.passivePay({
      orderId: row.orderId,
      amountCents: row.amountCents,
      tipCents: row.tipCents,
      wallet,
      authCode: trimmed,
      saleNum: row.saleId,
      operatorId: row.operatorId,
    }),
  );
  const notice = announceAfterSend(core, row.attemptId, journaled.sent);
  return core.track(
    (async () => {
      try {
        const st = await request;
        notice.tellNow();
        core.health.up();
        core.fault('attempt.answered');
        const change = changeFromOrderState(row, st, 'gateway');
        applyAttempt(core, row.attemptId, {
          ...change,
          detail: { ...change.detail, source: source ?? null },
        });
      } catch (err) {
        notice.tellNow();
        core.health.observe(err);
        core.fault('attempt.answered');
        applyAttempt(core, row.attemptId, changeFromPayError(err, 'gateway'));
      }
      core.fault('attempt.answer-journaled');
      watchAttempt(core, row.attemptId, 'passive');
      return attemptView(core.journal.attempts.get(row.attemptId) ?? row, core.clock.now());
    })(),
  );
}

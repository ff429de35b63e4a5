// Which scans reach the payments engine: only while the sale waits for a wallet code, and then only
// the first code the scan router accepts (used-code check, dedupe, wallet patterns). Codes typed by
// hand or recognised by a page go through the same router, so the same rules apply to them. The
// operator may name the wallet by hand for the current wait; it ends with the wait.
// While no sale waits, a serial scanner's wallet code (accepted by the same rules) starts the passive
// payment for the amount the cashier has keyed, when `fromDraft` has one; else it is refused as before.
// (A keyboard-wedge scan on the amount screen is started by the page itself.)
import type { AttemptView, Wallet } from '../../../shared/domain.ts';
import { AppError, toErrorData } from '../../../shared/result.ts';
import type { ScanRefusedEvent } from '../../../shared/scanning/scan-refusal.ts';
import type { Logger } from '../logging/index.ts';
import { errorFields } from './core-logger.ts';
import type { PaymentsPort, ScannerPort } from './ports.ts';

export interface ScanWait {
  /** Arms or disarms the router's wait to match the current sale; call after every sale change. */
  sync(): void;
  submit(code: string, source: 'wedge' | 'manual', timings?: number[]): Promise<AttemptView>;
  /** The operator names the wallet (null: recognise it from the code) while a sale waits for a code. */
  pick(wallet: Wallet | null): void;
  picked(): Wallet | null;
  /** Drops the current wait (the scanner stack is being replaced); the next sync() re-arms. */
  reset(): void;
  /** For good: the core is closing. */
  stop(): void;
}

export interface ScanWaitDeps {
  payments: () => PaymentsPort;
  scanner: () => ScannerPort;
  logger: Logger;
  /** A scanner's code the payments engine refused: the till page is told (a page's own gets it as its answer). */
  announce: (event: ScanRefusedEvent) => void;
  now: () => number;
  /**
   * Asked when a serial scanner's wallet code arrives while no sale waits: starts the passive payment
   * for the amount keyed on the amount screen (resolves once the sale waits for the code), or null
   * when there is none to start now (no current amount, a sale on, nobody signed in).
   */
  fromDraft: () => (() => Promise<unknown>) | null;
}

export function createScanWait({
  payments,
  scanner,
  logger,
  announce,
  now,
  fromDraft,
}: ScanWaitDeps): ScanWait {
  let cancel: (() => void) | null = null;
  let offIdle: (() => void) | null = null;
  /** A serial code is starting a payment from the draft: until it is sent, no other code is taken. */
  let starting = false;
  let start: (() => Promise<unknown>) | null = null;
  let submission: Promise<AttemptView> | null = null;
  let active = true;
  let picked: Wallet | null = null;
  /** True while submit() routes a page's code: its refusal goes back to the page, not out as an event. */
  let routingOwnSubmission = false;

  const disarm = () => {
    cancel?.();
    cancel = null;
  };

  const refused = (err: unknown, source: 'serial' | 'wedge' | 'manual', own: boolean) => {
    logger.warn('wallet code not accepted', errorFields(err));
    // The router ended its wait when it handed the code over: wait again for the next one.
    sync();
    if (!own && source !== 'manual') announce({ error: toErrorData(err), source, at: now() });
  };

  /** The scan router's taker of wallet codes while no payment waits (one per scanner stack). */
  const takeIdle = () => {
    if (offIdle !== null || !active) return;
    offIdle = scanner().takeIdleWalletCodes(
      (source) => {
        start = source === 'serial' && active && !starting ? fromDraft() : null;
        return start !== null;
      },
      (code, source, wallet) => {
        const begin = start;
        start = null;
        if (begin === null) return;
        starting = true;
        begin()
          .then(() => payments().submitPassiveCode(code, source, wallet))
          .catch((err: unknown) => refused(err, source, false))
          .finally(() => {
            starting = false;
            sync();
          });
      },
    );
  };

  const sync = () => {
    takeIdle();
    const waiting = active && !starting && payments().currentSale()?.phase === 'waiting_for_scan';
    if (waiting && cancel === null) {
      cancel = scanner().waitForWalletCode(
        (code, source, wallet) => {
          cancel = null;
          const own = routingOwnSubmission;
          const p = payments().submitPassiveCode(code, source, wallet);
          submission = p;
          p.catch((err: unknown) => refused(err, source, own));
        },
        (message) => logger.info(`scan refused: ${message}`),
        picked,
      );
    } else if (!waiting) {
      disarm();
      picked = null;
    }
  };

  return {
    sync,
    pick(wallet) {
      if (!active || payments().currentSale()?.phase !== 'waiting_for_scan')
        throw new AppError('CONFLICT', 'The till is not waiting for a wallet code');
      picked = wallet;
      disarm();
      sync();
    },
    picked: () => picked,
    reset: () => {
      disarm();
      offIdle?.();
      offIdle = null;
    },
    stop: () => {
      active = false;
      disarm();
      offIdle?.();
      offIdle = null;
    },
    async submit(code, source, timings) {
      sync();
      submission = null;
      routingOwnSubmission = true;
      let routed: ReturnType<ScannerPort['route']>;
      try {
        routed = scanner().route(code, source, timings);
      } finally {
        routingOwnSubmission = false;
      }
      // The router calls our waiter synchronously when it accepts the code.
      const delivered = submission as Promise<AttemptView> | null;
      if (routed.outcome === 'payment' && delivered !== null) return delivered;
      if (routed.outcome === 'payment')
        throw new AppError(
          'CONFLICT',
          'No payment is waiting for a wallet code',
          false,
          'no-payment-waiting',
        );
      const errorCode = routed.outcome === 'product' ? 'VALIDATION' : 'CONFLICT';
      throw new AppError(errorCode, routed.message, false, routed.reason);
    },
  };
}

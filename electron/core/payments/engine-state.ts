// The engine's state every payment flow works on (the journal, the gateway, the clock, the sale in
// progress), and the small reads and keys all of them share.

import type { SaleView } from '../../../shared/domain.ts';
import type { OrderIdGenerator } from '../../../shared/payments/order-id.ts';
import { AppError } from '../../../shared/result.ts';
import type { Clock } from '../clock.ts';
import type { GatewayClient } from '../gateway/types.ts';
import type { Journal } from '../journal/journal.ts';
import type { AttemptRow } from '../journal/rows.ts';
import type { PaymentsChange } from './changes.ts';
import type { FaultHook } from './fault-points.ts';
import type { HealthTracker } from './gateway-health.ts';
import type { EngineSettings } from './settings.ts';
import { saleView } from './views.ts';
import type { Watcher } from './watcher.ts';

export interface CurrentSale {
  saleId: string;
  waitingForCode: boolean;
}

export interface EngineState {
  journal: Journal;
  codeHashKey: Buffer;
  gateway: GatewayClient;
  clock: Clock;
  s: EngineSettings;
  fault: FaultHook;
  ids: OrderIdGenerator;
  health: HealthTracker;
  watcher: Watcher;
  isGatewayUp: (() => boolean) | undefined;
  current: CurrentSale | null;
  /** The OTTPay operator id for a new request: the signed-in cashier's, else the till's. */
  operatorId(): string;
  emit(change: PaymentsChange): void;
  /** Keeps the promise so close() can wait for work in flight. */
  track<T>(p: Promise<T>): Promise<T>;
}

export function currentSaleView(core: EngineState): SaleView | null {
  if (!core.current) return null;
  const sale = core.journal.sales.get(core.current.saleId);
  if (!sale) return null;
  return saleView(
    sale,
    core.journal.attempts.forSale(sale.saleId),
    core.current.waitingForCode,
    core.clock.now(),
  );
}

export function emitSale(core: EngineState): void {
  core.emit({ kind: 'sale', sale: currentSaleView(core) });
}

export function getAttempt(core: EngineState, attemptId: string): AttemptRow {
  const row = core.journal.attempts.get(attemptId);
  if (!row) throw new AppError('NOT_FOUND', 'No such payment attempt');
  return row;
}

export const watchKey = (attemptId: string) => `attempt:${attemptId}`;
export const refundKey = (refundId: string) => `refund:${refundId}`;

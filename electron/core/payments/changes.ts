// What the engine tells its listeners after something was journaled.
import type { AttemptView, GatewayHealth, RefundView, SaleView } from '../../../shared/domain.ts';

export type PaymentsChange =
  /** An attempt changed; `sale` is the till's current sale (null when there is none). */
  | { kind: 'attempt'; attempt: AttemptView; sale: SaleView | null }
  /** The current sale changed (created, waiting for a code, closed: then null). */
  | { kind: 'sale'; sale: SaleView | null }
  | { kind: 'refund'; refund: RefundView; attempt: AttemptView | null }
  | { kind: 'gateway'; health: GatewayHealth };

export type PaymentsListener = (change: PaymentsChange) => void;

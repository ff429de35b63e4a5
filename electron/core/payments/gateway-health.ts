// Whether the gateway answered recently. Any answer (even a refusal) means it is up; a `network` error
// (nothing could be sent) means it is down. Wallet payments are refused up front while it is down
// (PAYMENT-SAFETY.md rule 11): nothing is ever queued for later.
import type { GatewayHealth } from '../../../shared/domain.ts';
import type { Clock } from '../clock.ts';
import { GatewayError } from '../gateway/types.ts';

export const GATEWAY_DOWN_MESSAGE =
  'The payment gateway cannot be reached, so wallet payments are not possible right now. Nothing was charged. ' +
  'Check the internet connection, or take another form of payment.';

export interface HealthTracker {
  get(): GatewayHealth;
  up(): void;
  down(detail: string): void;
  /** Reads a gateway error: network ⇒ down; any other answer ⇒ up. */
  observe(err: unknown): void;
}

export function createHealthTracker(clock: Clock, onChange: (health: GatewayHealth) => void): HealthTracker {
  let health: GatewayHealth = { state: 'unknown', message: null, checkedAt: null };
  const set = (state: GatewayHealth['state'], message: string | null) => {
    const changed = state !== health.state;
    health = { state, message, checkedAt: clock.now() };
    if (changed) onChange(health);
  };
  return {
    get: () => health,
    up: () => set('up', null),
    down: (detail) => set('down', `${GATEWAY_DOWN_MESSAGE} (${detail})`),
    observe(err) {
      if (err instanceof GatewayError) {
        if (err.kind === 'network') set('down', `${GATEWAY_DOWN_MESSAGE} (${err.message})`);
        else if (err.kind !== 'unknown_outcome') set('up', null);
      }
    },
  };
}

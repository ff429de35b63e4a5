// Whether OTTPay can be reached before a wallet payment is journaled (rule 11).

import type { GatewayHealth } from '../../../shared/domain.ts';
import { AppError } from '../../../shared/result.ts';
import { GatewayError } from '../gateway/types.ts';
import type { EngineState } from './engine-state.ts';
import { GATEWAY_DOWN_MESSAGE } from './gateway-health.ts';

/** Refuses wallet payments up front when the gateway is known to be down (rule 11). */
export async function requireGatewayUp(core: EngineState): Promise<void> {
  if (core.isGatewayUp && !core.isGatewayUp())
    throw new AppError('GATEWAY_UNREACHABLE', GATEWAY_DOWN_MESSAGE, true);
  if (core.health.get().state === 'up') return;
  // Unknown or down: ask once now rather than journal an attempt the gateway cannot take.
  await probeGateway(core);
  if (core.health.get().state === 'down')
    throw new AppError('GATEWAY_UNREACHABLE', GATEWAY_DOWN_MESSAGE, true);
}

/** A cheap question (EX_RATE_QUERY) that tells whether the gateway answers at all. */
export async function probeGateway(core: EngineState): Promise<GatewayHealth> {
  try {
    await core.gateway.exchangeRate(core.s.currency);
    core.health.up();
  } catch (err) {
    // Any answer at all, even a refusal, means the gateway can be reached.
    if (err instanceof GatewayError && err.kind === 'network') core.health.down(err.message);
    else if (err instanceof GatewayError) core.health.up();
    else core.health.down('unexpected failure');
  }
  return core.health.get();
}

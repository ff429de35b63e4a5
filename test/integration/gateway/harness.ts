// A simulator on port 0 driven by a ManualClock, and a real client talking to it over HTTP.
import { ManualClock } from '../../../electron/core/clock.ts';
import { type ClosableGatewayClient, createGatewayClient } from '../../../electron/core/gateway/client.ts';
import { type GatewayConfig, GatewayError } from '../../../electron/core/gateway/types.ts';
import {
  SANDBOX_MERCHANT_ID,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SIGN_KEY,
} from '../../../electron/core/simulator/sandbox.ts';
import {
  createSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../../../electron/core/simulator/server.ts';

export interface Harness {
  sim: Simulator;
  clock: ManualClock;
  client: ClosableGatewayClient;
  clientFor(extra: Partial<GatewayConfig>): ClosableGatewayClient;
  close(): Promise<void>;
}

/** Client deadline: short, because scenario 95 makes the client wait for it. */
export const CLIENT_TIMEOUT_MS = 400;

export async function startHarness(options: SimulatorOptions = {}): Promise<Harness> {
  const clock = new ManualClock();
  const sim = await createSimulator({ clock, ...options });
  const clients: ClosableGatewayClient[] = [];
  const clientFor = (extra: Partial<GatewayConfig>) => {
    const client = createGatewayClient(
      {
        baseUrl: sim.url,
        merchantId: SANDBOX_MERCHANT_ID,
        operatorId: SANDBOX_OPERATOR_ID,
        signKey: SANDBOX_SIGN_KEY,
        timeoutMs: CLIENT_TIMEOUT_MS,
        queryRetry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
        ...extra,
      },
      {},
    );
    clients.push(client);
    return client;
  };
  const client = clientFor({});
  return {
    sim,
    clock,
    client,
    clientFor,
    async close() {
      for (const c of clients) c.close();
      await sim.close();
    },
  };
}

/** The GatewayError a promise rejects with (fails the test if it resolves or throws anything else). */
export async function gatewayError(promise: Promise<unknown>): Promise<GatewayError> {
  const outcome = await promise.then(
    (value) => ({ resolved: value }),
    (err: unknown) => ({ err }),
  );
  if ('resolved' in outcome)
    throw new Error(`expected a GatewayError, got ${JSON.stringify(outcome.resolved)}`);
  if (!(outcome.err instanceof GatewayError)) throw outcome.err;
  return outcome.err;
}

let seq = 0;
/** A fresh order id per call, so tests never collide on the simulator's books. */
export function orderId(prefix = 'T'): string {
  seq += 1;
  return `${prefix}${process.pid}x${seq}`;
}

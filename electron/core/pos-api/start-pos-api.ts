// Starts the POS API beside a till core: the payments service over the core's context, the server on
// the chosen address, and the key (flag, environment or the secret store) it checks.
import type { CoreContext } from '../app/core-context.ts';
import type { PaymentsChange } from '../payments/changes.ts';
import type { PosFaultHook } from './fault-points.ts';
import { createPosPayments } from './pos-payments.ts';
import { type PosApiServer, startPosApiServer } from './server.ts';
import type { PosApiStart } from './start-options.ts';

export interface PosApi {
  readonly url: string;
  readonly fingerprint256: string | null;
  counters(): Record<string, number>;
  /** Called on every payments change (the core's fan-out): a failed POS payment closes its sale. */
  paymentsChanged(change: PaymentsChange): void;
  /** A new key saved in settings applies to the next request (unless the command line named one). */
  keyChanged(key: string): void;
  close(): Promise<void>;
}

export async function startPosApi(
  ctx: CoreContext,
  start: PosApiStart,
  deps: {
    dataDir: string;
    onChange(listener: (change: PaymentsChange) => void): () => void;
    refundsAllowed(): boolean;
    faultPoint?: PosFaultHook;
  },
): Promise<PosApi | null> {
  let key = start.key ?? (await ctx.secrets.get('posApiKey'));
  if (!key) {
    ctx.logger.error(
      'the POS API is not started: it needs a key (--pos-api-key, TILL_POS_API_KEY or settings)',
    );
    return null;
  }
  const fixedKey = start.key !== null;
  const payments = createPosPayments({
    ctx,
    onChange: deps.onChange,
    refundsAllowed: deps.refundsAllowed,
    ...(deps.faultPoint ? { faultPoint: deps.faultPoint } : {}),
  });
  payments.dropStaleScan();
  const server: PosApiServer = await startPosApiServer({
    host: start.host,
    port: start.port,
    key: () => key ?? '',
    payments,
    clock: ctx.clock,
    dataDir: deps.dataDir,
    log: (line) => ctx.logger.error(line),
  });
  ctx.logger.info(`POS API listening at ${server.url}`);
  let settling = false;
  return {
    url: server.url,
    fingerprint256: server.fingerprint256,
    counters: server.counters,
    paymentsChanged(change) {
      if (change.kind !== 'attempt' || settling) return;
      settling = true;
      // After the engine's own listeners: closing the sale from inside its change would nest them.
      queueMicrotask(() => {
        settling = false;
        payments.settle();
      });
    },
    keyChanged(next) {
      if (!fixedKey) key = next;
    },
    close: () => server.close(),
  };
}

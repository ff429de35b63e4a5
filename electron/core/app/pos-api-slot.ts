// The till's place for the local POS API: started last (over the finished core context) when the
// start options ask for it, told of every payments change whichever stack is current, its key saved
// from Settings applied to the next request, and what the snapshot and diagnostics say of it.
import type { TillSnapshot } from '../../../shared/domain.ts';
import type { SecretStore } from '../config/secret-store.ts';
import type { SettingsStore } from '../config/settings-store.ts';
import type { PaymentsChange } from '../payments/changes.ts';
import type { PosFaultHook } from '../pos-api/fault-points.ts';
import type { PosApiStart } from '../pos-api/start-options.ts';
import { type PosApi, startPosApi } from '../pos-api/start-pos-api.ts';
import type { CoreContext } from './core-context.ts';

export interface PosApiSlot {
  /** Every payments change: the POS API's held waits hear it, then the POS API itself. */
  paymentsChanged(change: PaymentsChange): void;
  /** A key saved in Settings: the snapshot says one is set, and it applies to the next request. */
  keySaved(key: string): void;
  view(): TillSnapshot['posApi'];
  /** Where it listens and what it refused, for diagnostics; null when not started. */
  diagnostics(): { url: string; refused: Record<string, number> } | null;
  /** The facade's `posApi`: its URL and certificate fingerprint, when started. */
  address(): { url: string; fingerprint256: string | null } | null;
  /** Starts it when the start options ask; on failure runs `closeTill` and throws. */
  start(ctx: CoreContext, closeTill: () => Promise<void>): Promise<void>;
  /** Closes it when started (resolves at once otherwise). */
  close(): Promise<void>;
}

export async function createPosApiSlot(o: {
  options: PosApiStart | null | undefined;
  fault: PosFaultHook | undefined;
  dataDir: string;
  secrets: SecretStore;
  settings: SettingsStore;
}): Promise<PosApiSlot> {
  /** The POS API's held waits hear every payments change, whichever stack is current. */
  const listeners = new Set<(change: PaymentsChange) => void>();
  let posApi: PosApi | null = null;
  let keySet = await o.secrets.has('posApiKey');
  return {
    paymentsChanged(change) {
      for (const listener of listeners) listener(change);
      posApi?.paymentsChanged(change);
    },
    keySaved(key) {
      keySet = true;
      posApi?.keyChanged(key);
    },
    view: () => ({
      url: posApi?.url ?? null,
      fingerprint256: posApi?.fingerprint256 ?? null,
      keySet: keySet || o.options?.key != null,
    }),
    diagnostics: () => (posApi ? { url: posApi.url, refused: posApi.counters() } : null),
    address: () => (posApi ? { url: posApi.url, fingerprint256: posApi.fingerprint256 } : null),
    async start(ctx, closeTill) {
      if (!o.options) return;
      posApi = await startPosApi(ctx, o.options, {
        dataDir: o.dataDir,
        onChange: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        refundsAllowed: () => o.settings.get().posApi.refunds,
        ...(o.fault ? { faultPoint: o.fault } : {}),
      }).catch(async (err: unknown) => {
        await closeTill();
        throw err;
      });
    },
    close: () => posApi?.close() ?? Promise.resolve(),
  };
}

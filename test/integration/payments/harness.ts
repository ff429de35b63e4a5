// A real till engine on a real journal file, talking HTTP to the real simulator, with an optional real
// call-back listener. Short timings so scenarios finish quickly; waiting is on the engine's own events.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Clock } from '../../../electron/core/clock.ts';
import { verifyCallback } from '../../../electron/core/gateway/callback.ts';
import { createGatewayClient } from '../../../electron/core/gateway/client.ts';
import type { Transport } from '../../../electron/core/gateway/transport.ts';
import { createJournal, type Journal } from '../../../electron/core/journal/journal.ts';
import { type JournalHandle, openJournal } from '../../../electron/core/journal/open-journal.ts';
import { type CallbackServer, startCallbackServer } from '../../../electron/core/payments/callback-server.ts';
import { createPaymentsEngine, type PaymentsEngine } from '../../../electron/core/payments/engine.ts';
import type { PaymentsTiming } from '../../../electron/core/payments/settings.ts';
import {
  createSimulator,
  SANDBOX_MERCHANT_ID,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SIGN_KEY,
  type SimTimings,
  type Simulator,
} from '../../../electron/core/simulator/index.ts';
import type { AttemptView } from '../../../shared/domain.ts';
import { TEST_CODE_HASH_KEY } from '../../support/code-hash-key.ts';

export const FAST_TIMING: Partial<PaymentsTiming> = {
  qrExpiryMs: 1_500,
  activePollMs: 60,
  passivePollMs: 60,
  passiveWindowMs: 3_000,
  backgroundMaxDelayMs: 200,
  backgroundWindowMs: 6_000,
  notFoundGraceMs: 700,
  recoveryTries: 2,
  recoveryBackoffMs: 100,
};

export const FAST_SIM: Partial<SimTimings> = {
  processingMs: 250,
  closeMs: 500,
  activeTtlMs: 2_500,
  holdMs: 5_000,
};

export interface Rig {
  dir: string;
  sim: Simulator;
  handle: JournalHandle;
  journal: Journal;
  engine: PaymentsEngine;
  callbacks: CallbackServer | null;
  /** Resolves when the attempt matches, checking now and after each change the engine reports. */
  until(attemptId: string, match: (a: AttemptView) => boolean, what?: string): Promise<AttemptView>;
  /** A fresh engine on the same journal (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function makeRig(
  options: {
    callbacks?: boolean;
    timing?: Partial<PaymentsTiming>;
    evidenceFlushMs?: number;
    gatewayTimeoutMs?: number;
    sim?: Simulator;
    /** The journal's busy timeout (the till's default when absent). */
    busyTimeoutMs?: number;
    /** The till's clock (e.g. one that runs an hour off). */
    clock?: Clock;
    /** The gateway client's HTTP (e.g. one that holds a request back). */
    transport?: Transport;
  } = {},
): Promise<Rig> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'payments-it-'));
  const ownSim = !options.sim;
  const sim =
    options.sim ?? (await createSimulator({ timings: FAST_SIM, callbackRetryDelaysMs: [100, 200] }));
  const gateway = createGatewayClient(
    {
      baseUrl: sim.url,
      merchantId: SANDBOX_MERCHANT_ID,
      operatorId: SANDBOX_OPERATOR_ID,
      signKey: SANDBOX_SIGN_KEY,
      timeoutMs: options.gatewayTimeoutMs ?? 800,
      queryRetry: { maxAttempts: 2, baseDelayMs: 20, maxDelayMs: 50 },
    },
    options.transport ? { transport: options.transport } : {},
  );
  let handle = openJournal({ path: path.join(dir, 'till.db'), busyTimeoutMs: options.busyTimeoutMs });
  let journal = createJournal(handle.db);
  let callbacks: CallbackServer | null = null;
  let engine: PaymentsEngine;
  const rig = {} as Rig;

  const build = async () => {
    engine = createPaymentsEngine({
      codeHashKey: TEST_CODE_HASH_KEY,
      journal,
      gateway,
      ...(options.clock ? { clock: options.clock } : {}),
      terminalNo: 'T1',
      operatorId: SANDBOX_OPERATOR_ID,
      merchantId: SANDBOX_MERCHANT_ID,
      currency: 'CAD',
      timeZone: 'America/Toronto',
      ...(options.evidenceFlushMs === undefined ? {} : { evidenceFlushMs: options.evidenceFlushMs }),
      ...(callbacks ? { callbackUrl: callbacks.url() } : {}),
      timing: { ...FAST_TIMING, ...options.timing },
      verifyCallback: (body) =>
        verifyCallback(body, { signKey: SANDBOX_SIGN_KEY, merchantId: SANDBOX_MERCHANT_ID }),
    });
    rig.engine = engine;
  };
  if (options.callbacks) {
    callbacks = await startCallbackServer({
      host: '127.0.0.1',
      port: 0,
      path: '/ottpay/callback',
      handle: (body, remote) => rig.engine.handleCallback(body, remote),
    });
  }
  await build();

  Object.assign(rig, {
    dir,
    sim,
    handle,
    journal,
    callbacks,
    until(attemptId: string, match: (a: AttemptView) => boolean, what = 'the expected state') {
      return new Promise<AttemptView>((resolve, reject) => {
        const check = () => {
          const a = rig.engine.attempt(attemptId);
          if (match(a)) {
            stop();
            clearTimeout(guard);
            resolve(a);
          }
        };
        const stop = rig.engine.onChange(() => check());
        // A failure guard, not a synchronisation: the wait itself ends on the engine's change events.
        const guard = setTimeout(() => {
          stop();
          reject(
            new Error(
              `attempt ${attemptId} never reached ${what}: ${JSON.stringify(rig.engine.attempt(attemptId))}`,
            ),
          );
        }, 20_000);
        check();
      });
    },
    async restart() {
      await rig.engine.close();
      handle.close();
      handle = openJournal({ path: path.join(dir, 'till.db') });
      journal = createJournal(handle.db);
      rig.handle = handle;
      rig.journal = journal;
      await build();
    },
    async close() {
      await rig.engine.close();
      await callbacks?.close();
      gateway.close();
      handle.close();
      if (ownSim) await sim.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
  return rig;
}

export const CODES = {
  WECHATPAY: () => `13${String(Math.floor(Math.random() * 1e16)).padStart(16, '0')}`,
  ALIPAY: () => `28${String(Math.floor(Math.random() * 1e16)).padStart(16, '0')}`,
};

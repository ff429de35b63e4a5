// Builds the payments stack: the journal in the data folder, the gateway client (live credentials) or
// the embedded OTTPay simulator (sandbox), the optional call-back listener, and the engine.
import { join } from 'node:path';
import { loadCodeHashKey } from '../config/code-hash-key.ts';
import { verifyCallback } from '../gateway/callback.ts';
import { createGatewayClient } from '../gateway/client.ts';
import { createJournal } from '../journal/journal.ts';
import { JOURNAL_FILE, SANDBOX_JOURNAL_FILE } from '../journal/journal-files.ts';
import { openJournal } from '../journal/open-journal.ts';
import { type CallbackServer, startCallbackServer } from '../payments/callback-server.ts';
import { createPaymentsEngine, type PaymentsEngine } from '../payments/engine.ts';
import {
  createSimulator,
  SANDBOX_MERCHANT_ID,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SIGN_KEY,
  type Simulator,
} from '../simulator/index.ts';
import { errorFields } from './core-logger.ts';
import { isLive, type PaymentStack, type PaymentStackInput } from './stack-types.ts';

export { JOURNAL_FILE, SANDBOX_JOURNAL_FILE } from '../journal/journal-files.ts';
/** The sandbox gateway's own books, beside the sandbox journal: earlier sandbox sales survive a restart. */
export const SANDBOX_BOOK_FILE = 'sandbox-gateway.sqlite';
/** The same books as older tills kept them (JSON + .log): imported at the first start, then renamed aside. */
export const LEGACY_SANDBOX_BOOK_FILE = 'sandbox-gateway.json';
export const CALLBACK_PATH = '/ottpay/callback';

export async function startPaymentStack(input: PaymentStackInput): Promise<PaymentStack> {
  const { settings, clock, logger } = input;
  const live = isLive(settings, input.signKey);
  const log = logger.child('payments');
  const closers: Array<() => unknown> = [];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) {
      try {
        await close();
      } catch (err) {
        log.error('close failed', errorFields(err));
      }
    }
  };
  try {
    const journalPath = join(input.dataDir, live ? JOURNAL_FILE : SANDBOX_JOURNAL_FILE);
    // Before opening: a journal from before schema 5 hands its hash key over to the secret store.
    const codeHashKey = await loadCodeHashKey({
      secrets: input.secrets,
      name: live ? 'codeHashKey' : 'sandboxCodeHashKey',
      journalPath,
      ...(live
        ? {}
        : {
            onStoreRefused: (err: unknown) =>
              log.warn('sandbox: the code hash key is kept in memory only', errorFields(err)),
          }),
    });
    const handle = openJournal({
      path: journalPath,
      now: () => clock.now(),
      ...(input.appVersion ? { appVersion: input.appVersion } : {}),
    });
    closers.push(() => handle.close());
    const journal = createJournal(handle.db, input.actor?.(handle.db));

    let simulator: Simulator | null = null;
    if (!live) {
      const simLog = logger.child('simulator');
      simulator = await createSimulator({
        host: '127.0.0.1',
        port: 0,
        clock,
        currency: settings.currency,
        bookFile: join(input.dataDir, SANDBOX_BOOK_FILE),
        legacyBookFile: join(input.dataDir, LEGACY_SANDBOX_BOOK_FILE),
        log: (line) => simLog.debug(line),
      });
      closers.push(() => simulator?.close());
    }
    const merchantId = live ? settings.merchantId : SANDBOX_MERCHANT_ID;
    const signKey = live ? (input.signKey ?? '') : SANDBOX_SIGN_KEY;
    const operatorId = live ? settings.operatorId : SANDBOX_OPERATOR_ID;
    const gateway = createGatewayClient(
      {
        baseUrl: simulator?.url ?? settings.gatewayUrl,
        merchantId,
        operatorId,
        terminalNo: settings.terminalNo,
        signKey,
        versions: settings.gatewayVersions,
        refundQueryAction: settings.refundQueryAction,
      },
      { clock, log: (entry) => log.info('gateway call', { ...entry }) },
    );
    closers.push(() => gateway.close());

    // The listener needs the engine and the engine needs the listener's URL: bind first, then wire.
    let engine: PaymentsEngine | null = null;
    let listener: CallbackServer | null = null;
    if (settings.callback.enabled) {
      try {
        listener = await startCallbackServer({
          host: settings.callback.bindHost,
          port: settings.callback.port,
          path: CALLBACK_PATH,
          handle: (body, remote) =>
            engine
              ? engine.handleCallback(body, remote)
              : Promise.resolve({ status: 503, body: { rsp_code: 'FAIL', rsp_msg: 'starting' } }),
          onError: (err) => log.error('call-back listener: handler failed', errorFields(err)),
        });
        closers.push(() => listener?.close());
      } catch (err) {
        // Call-backs are hints (PAYMENT-SAFETY rule 7): polling still settles every payment.
        log.warn(
          'call-back listener could not start; payments are confirmed by polling only',
          errorFields(err),
        );
      }
    }
    // The listener's own URL already ends in CALLBACK_PATH; a public URL (NAT, proxy) is used as given.
    const callbackUrl = settings.callback.publicUrl || (listener ? listener.url() : '');
    engine = createPaymentsEngine({
      journal,
      codeHashKey,
      gateway,
      clock,
      terminalNo: settings.terminalNo,
      operatorId,
      merchantId,
      currency: settings.currency,
      callbackUrl: callbackUrl || undefined,
      qrExpiryMs: settings.qrExpirySeconds * 1000,
      wallets: settings.wallets,
      verifyCallback: (body) => verifyCallback(body, { signKey, merchantId }),
      onError: (what, err) => log.error(`engine: ${what}`, errorFields(err)),
      cashierOperatorId: input.cashierOperatorId,
      onNotice: (line, fields) => log.warn(line, fields),
    });
    const running = engine;
    closers.push(() => running.close());
    return {
      payments: running,
      sandbox: !live,
      simulatorUrl: simulator?.url ?? null,
      callbackUrl: listener ? callbackUrl : null,
      recordEvent: (event) => {
        journal.write(() => journal.events.append(event));
      },
      journal,
      exchangeRate: () => gateway.exchangeRate(settings.currency),
      close: closeAll,
      closeJournalNow: () => handle.close(),
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

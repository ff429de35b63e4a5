// The crash harness's child: a till process that takes one payment (phase "pay") or recovers (phase
// "recover") against the simulator over HTTP, and SIGKILLs itself when it reaches the chosen fault point.
// Run by crash-harness.ts; its argument is one JSON object (see WorkerConfig).

import { verifyCallback } from '../../electron/core/gateway/callback.ts';
import { createGatewayClient } from '../../electron/core/gateway/client.ts';
import {
  createHttpTransport,
  type Transport,
  type TransportRequest,
} from '../../electron/core/gateway/transport.ts';
import { createJournal } from '../../electron/core/journal/journal.ts';
import { openJournal } from '../../electron/core/journal/open-journal.ts';
import { startCallbackServer } from '../../electron/core/payments/callback-server.ts';
import { createPaymentsEngine } from '../../electron/core/payments/engine.ts';
import { TEST_CODE_HASH_KEY } from '../support/code-hash-key.ts';
import { GATEWAY_TIMEOUT_MS, NOT_FOUND_GRACE_MS } from './crash-gateway-window.ts';

export interface WorkerConfig {
  phase: 'pay' | 'recover';
  db: string;
  gatewayUrl: string;
  merchantId: string;
  operatorId: string;
  signKey: string;
  terminalNo: string;
  mode: 'active' | 'passive';
  amountCents: number;
  code: string;
  /** A fault point name, "gateway.sent", or "none". */
  killAt: string;
  /** Kill at the n-th time the point is reached (1 = first). */
  killHit: number;
  /** Phase "pay": once the sale is paid, refund this much of it (the refund.* points are reached then). */
  refundCents?: number;
}

const cfg = JSON.parse(process.argv[2] ?? '{}') as WorkerConfig;
let hits = 0;
const fault = (point: string) => {
  if (point !== cfg.killAt) return;
  hits += 1;
  if (hits >= cfg.killHit) process.kill(process.pid, 'SIGKILL');
};

// "After the request is sent": the gateway has the request (and acted on it); the till dies before
// it reads the answer.
const real = createHttpTransport();
const transport: Transport = {
  async post(req) {
    const res = await real.post(withSentAt(req));
    if (req.body.includes('"action":"ACTIVEPAY"') || req.body.includes('"action":"PASSIVEPAY"'))
      fault('gateway.sent');
    return res;
  },
  close: () => real.close(),
};

/**
 * A pay or refund request carries, in its URL, when the journal has it sent: the harness's gateway
 * drops it unread once older than the child's timeout (crash-gateway-window.ts): the harness's simulator,
 * in a busy process, could otherwise act on it seconds late, after the grace the till gives it.
 */
function withSentAt(req: TransportRequest): TransportRequest {
  const refund = req.body.includes('"action":"REFUND"');
  const pay = req.body.includes('"action":"ACTIVEPAY"') || req.body.includes('"action":"PASSIVEPAY"');
  if (!refund && !pay) return req;
  const rows = refund ? journal.refunds.live() : journal.attempts.live();
  const sentAt = Math.max(...rows.map((r) => r.submittedAt ?? 0));
  if (!(sentAt > 0)) throw new Error('a pay or refund request with nothing journaled as sent');
  return { ...req, url: `${req.url}?sentAt=${sentAt}` };
}

const handle = openJournal({ path: cfg.db });
const journal = createJournal(handle.db);
const gateway = createGatewayClient(
  {
    baseUrl: cfg.gatewayUrl,
    merchantId: cfg.merchantId,
    operatorId: cfg.operatorId,
    signKey: cfg.signKey,
    timeoutMs: GATEWAY_TIMEOUT_MS,
    queryRetry: { maxAttempts: 2, baseDelayMs: 20, maxDelayMs: 60 },
  },
  { transport },
);
let engineRef: ReturnType<typeof createPaymentsEngine> | null = null;
const callbacks = await startCallbackServer({
  host: '127.0.0.1',
  port: 0,
  path: '/cb',
  handle: (body, remote) => {
    if (!engineRef) return Promise.resolve({ status: 503, body: { rsp_code: 'FAIL', rsp_msg: 'starting' } });
    return engineRef.handleCallback(body, remote);
  },
});
const engine = createPaymentsEngine({
  codeHashKey: TEST_CODE_HASH_KEY,
  journal,
  gateway,
  terminalNo: cfg.terminalNo,
  operatorId: cfg.operatorId,
  merchantId: cfg.merchantId,
  currency: 'CAD',
  callbackUrl: callbacks.url(),
  timeZone: 'UTC',
  timing: {
    qrExpiryMs: 1_000,
    activePollMs: 50,
    passivePollMs: 50,
    passiveWindowMs: 2_000,
    backgroundMaxDelayMs: 150,
    backgroundWindowMs: 8_000,
    notFoundGraceMs: NOT_FOUND_GRACE_MS,
    recoveryTries: 2,
    recoveryBackoffMs: 100,
  },
  faultPoint: fault,
  verifyCallback: (body) => verifyCallback(body, { signKey: cfg.signKey, merchantId: cfg.merchantId }),
});
engineRef = engine;

/** Resolves when nothing is in flight in this journal (or the deadline passes). */
function settled(deadlineMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => journal.attempts.live().length === 0 && journal.refunds.live().length === 0;
    if (done()) return resolve();
    const timer = setTimeout(finish, deadlineMs);
    const stop = engine.onChange(() => {
      if (done()) finish();
    });
    function finish() {
      clearTimeout(timer);
      stop();
      resolve();
    }
  });
}

async function pay(amountCents: number, code: string): Promise<void> {
  if (cfg.mode === 'active') {
    await engine.payActive({ amountCents, tipCents: 10, wallet: 'WECHATPAY' });
  } else {
    await engine.beginPassive({ amountCents, tipCents: 10 });
    await engine.submitPassiveCode(code, 'serial');
  }
}

try {
  if (cfg.phase === 'pay') {
    await engine.probeGateway();
    await pay(cfg.amountCents, cfg.code);
    await settled(10_000);
    const paid = journal.attempts.createdBetween(0, Number.MAX_SAFE_INTEGER).find((a) => a.state === 'paid');
    if (cfg.refundCents && paid) {
      await engine.refund({ attemptId: paid.attemptId, amountCents: cfg.refundCents });
      await settled(10_000);
    }
  } else {
    await engine.recover();
    await settled(12_000);
    // The cashier finishes the sale: only when nothing for it is in flight and it is not paid.
    const sale = engine.currentSale();
    if (sale && sale.phase === 'failed') {
      await pay(100 * Math.floor(cfg.amountCents / 100), `13${String(Date.now()).padStart(16, '0')}`);
      await settled(10_000);
    }
  }
} finally {
  await engine.close();
  await callbacks.close();
  gateway.close();
  handle.close();
}

// The local POS API end to end in one process: a real till core on its sandbox gateway, the API on a
// real HTTP port, a scripted POS. Every answer is validated against the API's own openapi.json.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { SANDBOX_JOURNAL_FILE } from '../../../electron/core/app/payment-stack.ts';
import { createTillCore, type TillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { dispatch } from '../../../electron/core/dispatch.ts';
import { SAMPLE_CODES } from '../../../electron/core/simulator/wallet-codes.ts';
import type { AttemptView, TillSnapshot } from '../../../shared/domain.ts';
import { type PosClient, posClient } from '../../support/pos-api-client.ts';
import { signIn } from '../../support/sign-in.ts';

const KEY = 'pos-test-key-0123456789abcdef';
let dir: string;
let core: TillCore;
let pos: PosClient;
let n = 0;
const idem = () => `k-${process.pid}-${++n}`;

async function till<T>(name: string, payload: unknown): Promise<T> {
  const r = await dispatch(core, 'till', name, payload);
  assert.ok(r.ok, JSON.stringify(r));
  return r.value as T;
}

/** The customer presses Pay on the wallet page the QR opens (a plain form post, as a phone would). */
async function customerPays(codeUrl: string): Promise<void> {
  const res = await fetch(`${codeUrl}/pay`, { method: 'POST' });
  assert.equal(res.status, 200);
  assert.match(await res.text(), /Payment successful/);
}

/**
 * Rows in the journal's event log (read beside the running till), less the attempts' own: a payment
 * set aside earlier may be resolved meanwhile, but no new sale, POS record or refund may appear.
 */
function eventCount(): number {
  const db = new Database(join(dir, SANDBOX_JOURNAL_FILE), { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM events WHERE entity != 'attempt'").get() as { n: number })
      .n;
  } finally {
    db.close();
  }
}

async function waitFor(id: string, state: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 10; i++) {
    const r = await pos.call('GET', `/v1/payments/${id}?wait=10`);
    assert.equal(r.status, 200);
    if (r.body?.state === state) return r.body;
  }
  throw new Error(`payment ${id} never became ${state}`);
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pos-api-'));
  core = await createTillCore({
    dataDir: dir,
    secrets: createMemorySecretStore(),
    posApi: { port: 0, host: '127.0.0.1', key: KEY },
  });
  assert.match(core.posApi?.url ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
  pos = await posClient(core.posApi?.url ?? '', KEY);
});

after(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('POS API', () => {
  it('answers 401 with nothing else to a wrong or missing key, and journals nothing of it', async () => {
    const before = eventCount();
    for (const key of ['wrong-key-0123456789', null]) {
      const r = await pos.call('POST', '/v1/payments', {
        key,
        idem: idem(),
        body: { amountCents: 100, method: 'WECHATPAY' },
      });
      assert.deepEqual(r, { status: 401, body: null });
    }
    assert.equal(core.snapshot().sale, null);
    assert.equal(eventCount(), before);
  });

  it('meets a locked till: 409 till-locked', async () => {
    const r = await pos.call('POST', '/v1/payments', {
      idem: idem(),
      body: { amountCents: 100, method: 'ALIPAY' },
    });
    assert.deepEqual(r, { status: 409, body: { error: 'till-locked' } });
  });

  it('refuses a bad body with 400 naming the field', async () => {
    await signIn(core);
    const cases: Array<[unknown, string]> = [
      [{ amountCents: 12.5, method: 'WECHATPAY' }, 'amountCents'],
      [{ amountCents: 100, method: 'PAYPAL' }, 'method'],
      [{ amountCents: 100, method: 'SCAN', reference: 'x'.repeat(33) }, 'reference'],
      [{ amountCents: 100, method: 'SCAN', colour: 'red' }, 'colour'],
      [{ amountCents: 100, tipCents: -1, method: 'SCAN' }, 'tipCents'],
      [{ amountCents: 100_000_000, method: 'WECHATPAY' }, 'amountCents'],
    ];
    for (const [body, field] of cases) {
      const r = await pos.call('POST', '/v1/payments', { idem: idem(), body });
      assert.equal(r.status, 400, JSON.stringify(r));
      assert.equal(r.body?.error, 'invalid-request');
      assert.equal(r.body?.field, field, JSON.stringify(r.body));
    }
    const noKey = await pos.call('POST', '/v1/payments', { body: { amountCents: 100, method: 'SCAN' } });
    assert.equal(noKey.body?.field, 'Idempotency-Key');
    const badKey = await pos.call('POST', '/v1/payments', {
      idem: 'has space',
      body: { amountCents: 1, method: 'SCAN' },
    });
    assert.equal(badKey.body?.field, 'Idempotency-Key');
    const notJson = await pos.call('POST', '/v1/payments', {
      idem: idem(),
      raw: '{"amountCents":',
      contentType: 'application/json',
    });
    assert.deepEqual(notJson.body, {
      error: 'invalid-request',
      field: 'body',
      message: 'The body is not JSON',
    });
    const text = await pos.call('POST', '/v1/payments', {
      idem: idem(),
      raw: 'amount=1',
      contentType: 'text/plain',
    });
    assert.equal(text.status, 415);
    const big = await pos.call('POST', '/v1/payments', {
      idem: idem(),
      body: { amountCents: 100, method: 'SCAN', pad: 'x'.repeat(10_000) },
    });
    assert.deepEqual(big, { status: 413, body: { error: 'body-too-large' } });
    assert.equal(core.snapshot().sale, null, 'nothing was started');
  });

  it('pays actively: QR at once marked with the reference, retries answer the same payment, the customer pays', async () => {
    const key = idem();
    const body = { amountCents: 1234, tipCents: 100, method: 'WECHATPAY', reference: 'TABLE-7' };
    const created = await pos.call('POST', '/v1/payments', { idem: key, body });
    assert.equal(created.status, 201, JSON.stringify(created));
    const p = created.body ?? {};
    assert.equal(p.state, 'waiting');
    assert.equal(p.reference, 'TABLE-7');
    assert.equal(p.wallet, 'WECHATPAY');
    assert.match(String(p.codeUrl), /\/wallet\//);
    // The till and the customer display show it as a keyed sale would.
    const snap = core.snapshot();
    assert.equal(snap.sale?.saleId, p.id);
    assert.equal(snap.sale?.attempt?.qr?.payload, p.codeUrl);
    assert.equal(core.customerView().qrPayload, p.codeUrl);
    // Marked as the POS's, with its reference, on both screens.
    assert.deepEqual(snap.sale?.pos, { reference: 'TABLE-7' });
    assert.deepEqual(core.customerView().pos, { reference: 'TABLE-7' });
    // A retry during: the same payment, no second charge; another body under the key: refused.
    const again = await pos.call('POST', '/v1/payments', { idem: key, body });
    assert.equal(again.status, 200);
    assert.equal(again.body?.id, p.id);
    assert.equal(again.body?.orderId, p.orderId);
    const reused = await pos.call('POST', '/v1/payments', { idem: key, body: { ...body, amountCents: 999 } });
    assert.deepEqual(reused, { status: 409, body: { error: 'idempotency-key-reused' } });
    const busy = await pos.call('POST', '/v1/payments', {
      idem: idem(),
      body: { amountCents: 500, method: 'ALIPAY' },
    });
    assert.deepEqual(busy, { status: 409, body: { error: 'till-busy' } });

    await customerPays(String(p.codeUrl));
    const paid = await waitFor(String(p.id), 'paid');
    assert.ok(paid.walletTxnId);
    assert.equal(paid.codeUrl, null);
    const after = await pos.call('POST', '/v1/payments', { idem: key, body });
    assert.equal(after.status, 200);
    assert.equal(after.body?.state, 'paid');
    // Its receipt is printed like any payment's.
    assert.ok(core.snapshot().printing.jobs.some((j) => j.kind === 'sale' && j.refId === p.orderId));
    // History finds it by the POS's reference.
    const found = await till<AttemptView[]>('history.search', { text: 'TABLE-7' });
    assert.deepEqual(
      found.map((a) => a.orderId),
      [p.orderId],
    );
  });

  it('the POS cancels: the QR is withdrawn, checking until the gateway closes it, then cancelled', async () => {
    const created = await pos.call('POST', '/v1/payments', {
      idem: idem(),
      body: { amountCents: 700, method: 'ALIPAY' },
    });
    assert.equal(created.status, 201, JSON.stringify(created));
    const id = String(created.body?.id);
    const cancelled = await pos.call('POST', `/v1/payments/${id}/cancel`);
    assert.equal(cancelled.status, 200);
    assert.ok(
      ['checking', 'cancelled'].includes(String(cancelled.body?.state)),
      JSON.stringify(cancelled.body),
    );
    assert.equal(cancelled.body?.codeUrl, null);
    assert.equal(core.customerView().qrPayload, null);
    // Until the gateway says the order is closed the customer may still pay: checking. The customer
    // walks away (the wallet page's Cancel): now it is known.
    assert.equal((await pos.call('GET', `/v1/payments/${id}`)).body?.state, 'checking');
    const res = await fetch(`${String(created.body?.codeUrl)}/cancel`, { method: 'POST' });
    assert.equal(res.status, 200);
    const end = await waitFor(id, 'cancelled');
    assert.equal(end.walletTxnId, null);
  });

  it('pays passively: SCAN waits for the code from the till scan path', async () => {
    await till('sale.new', {}).catch(() => undefined);
    const created = await pos.call('POST', '/v1/payments', {
      idem: idem(),
      body: { amountCents: 888, method: 'SCAN', reference: 'R-2' },
    });
    assert.equal(created.status, 201, JSON.stringify(created));
    assert.equal(created.body?.state, 'waiting');
    assert.equal(created.body?.orderId, null);
    assert.equal(created.body?.wallet, null);
    assert.equal(core.snapshot().sale?.phase, 'waiting_for_scan');
    await till('sale.submitScan', { code: SAMPLE_CODES.ALIPAY, source: 'manual' });
    const paid = await waitFor(String(created.body?.id), 'paid');
    assert.equal(paid.wallet, 'ALIPAY');
  });

  it('a declined payment is failed with the reason, and its sale closes: the POS decides what next', async () => {
    // The sandbox declines amounts ending in 99.
    const r = await pos.call('POST', '/v1/payments', {
      idem: idem(),
      body: { amountCents: 1299, method: 'WECHATPAY' },
    });
    assert.equal(r.status, 201, JSON.stringify(r));
    assert.equal(r.body?.state, 'failed');
    assert.equal((r.body?.failure as { code: string } | undefined)?.code, 'declined');
    // Closed as the attempt failed, before the answer was written.
    assert.equal(core.snapshot().sale, null, 'no cashier retry can turn this failed payment into paid');
    const next = await pos.call('POST', '/v1/payments', {
      idem: idem(),
      body: { amountCents: 1200, method: 'SCAN' },
    });
    assert.equal(next.status, 201);
    const cancelled = await pos.call('POST', `/v1/payments/${next.body?.id}/cancel`);
    assert.equal(
      cancelled.body?.state,
      'cancelled',
      'nothing was sent for a SCAN still waiting: cancelled at once',
    );
  });

  it('the same key twice at once: one payment, the second answer is the first one', async () => {
    const key = idem();
    const body = { amountCents: 1111, method: 'UNIONPAY' };
    const [a, b] = await Promise.all([
      pos.call('POST', '/v1/payments', { idem: key, body }),
      pos.call('POST', '/v1/payments', { idem: key, body }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 201]);
    assert.equal(a.body?.id, b.body?.id);
    assert.equal(core.snapshot().sale?.attempts.length, 1);
    await pos.call('POST', `/v1/payments/${a.body?.id}/cancel`);
    await fetch(`${String(a.body?.codeUrl)}/cancel`, { method: 'POST' });
    await waitFor(String(a.body?.id), 'cancelled');
  });

  it('answers checking when the gateway’s answer is lost, and keeps saying so while it is resolved', async () => {
    const sim = core.sandboxInfo?.simulatorUrl ?? '';
    const fault = await fetch(`${sim}/_sim/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ add: { mode: 'drop', action: 'ACTIVEPAY' } }),
    });
    assert.equal(fault.status, 200);
    const r = await pos.call('POST', '/v1/payments', {
      idem: idem(),
      body: { amountCents: 1300, method: 'WECHATPAY' },
    });
    assert.equal(r.status, 201, JSON.stringify(r));
    assert.equal(r.body?.state, 'checking', 'the outcome is not known: never reported as failed');
    assert.equal(r.body?.failure, null);
    // The cashier sets it aside to serve the next customer; the till keeps resolving it in the background
    // (a not-found order is only failed after the gateway's grace period), and the POS still hears checking.
    await till('sale.setAside', {});
    assert.equal(core.snapshot().background.length, 1);
    const later = await pos.call('GET', `/v1/payments/${r.body?.id}?wait=1`);
    assert.equal(later.body?.state, 'checking');
  });

  it('a sale the cashier keyed is the till being busy', async () => {
    await till('sale.payPassive', { amountCents: 900, tipCents: 0 });
    const r = await pos.call('POST', '/v1/payments', {
      idem: idem(),
      body: { amountCents: 900, method: 'ALIPAY' },
    });
    assert.deepEqual(r, { status: 409, body: { error: 'till-busy' } });
    await till('sale.cancel', {});
  });

  it('refunds are off by default: 403 refunds-disabled', async () => {
    const found = await till<AttemptView[]>('history.search', { text: 'TABLE-7' });
    const r = await pos.call('POST', `/v1/payments/${found[0]?.saleId}/refunds`, {
      idem: idem(),
      body: { amountCents: 100 },
    });
    assert.deepEqual(r, { status: 403, body: { error: 'refunds-disabled' } });
  });

  it('GET of an unknown payment is 404; wait outside 0–60 is 400', async () => {
    assert.deepEqual(await pos.call('GET', '/v1/payments/NOPE123'), {
      status: 404,
      body: { error: 'not-found' },
    });
    const r = await pos.call('GET', '/v1/payments/NOPE123?wait=61');
    assert.equal(r.status, 400);
    assert.equal(r.body?.field, 'wait');
  });

  it('a flood is answered 429 from memory: the journal does not grow', async () => {
    const before = core.snapshot() as TillSnapshot;
    const events = eventCount();
    const answers = await Promise.all(
      Array.from({ length: 60 }, () =>
        fetch(`${core.posApi?.url}/v1/payments`, {
          method: 'POST',
          headers: { Authorization: 'Bearer nope-nope-nope-nope' },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    assert.ok(statuses.includes(429), String(statuses));
    assert.ok(statuses.every((s) => s === 401 || s === 429));
    assert.equal(core.snapshot().sale?.saleId, before.sale?.saleId);
    assert.equal(eventCount(), events, 'nothing of the flood is journaled');
    // Counted in memory only, for support to see in the diagnostics.
    const diagnostics = await till<{ text: string }>('diagnostics.get', {});
    assert.match(diagnostics.text, /^pos api: http:\/\/127\.0\.0\.1:\d+; refused: .*unauthorized \d+/m);
    assert.match(diagnostics.text, /rate-limited \d+/);
    assert.ok(!diagnostics.text.includes(KEY));
    assert.ok(pos.validated() > 20);
  });
});

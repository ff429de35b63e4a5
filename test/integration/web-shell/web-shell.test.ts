// The browser shell over real HTTP on port 0, with the real core on the embedded OTTPay simulator and a
// temp data folder: the security rules, the SSE streams and a whole active payment.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTillCore, type TillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { createWebShell, type WebShell } from '../../../electron/web-shell/server.ts';
import type { CustomerView, TillSnapshot } from '../../../shared/domain.ts';
import { scannerKeys } from '../../support/scanner-keys.ts';
import { signIn } from '../../support/sign-in.ts';
import { command, openSse, rawRequest, type SseClient } from './http-helpers.ts';

let dir: string;
let core: TillCore;
let shell: WebShell;
let port: number;
let token: string;
const streams: SseClient[] = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'till-web-shell-'));
  const renderer = join(dir, 'renderer');
  for (const entry of ['till', 'customer']) {
    mkdirSync(join(renderer, entry), { recursive: true });
    writeFileSync(
      join(renderer, entry, 'index.html'),
      `<!doctype html><title>${entry}</title><script src="../assets/${entry}.js"></script>`,
    );
  }
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'assets', 'till.js'), 'console.log(1)');
  writeFileSync(join(dir, 'outside.txt'), 'not served');
  core = await createTillCore({ dataDir: join(dir, 'data'), secrets: createMemorySecretStore() });
  await signIn(core);
  shell = await createWebShell({ core, port: 0, rendererDir: renderer });
  port = shell.port;
  token = shell.token;
});

after(async () => {
  for (const s of streams) s.close();
  await shell.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function sse(path: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const s = await openSse(port, path, headers);
  streams.push(s);
  return s;
}

const json = (body: string) =>
  JSON.parse(body) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };

describe('browser shell: who may reach what', () => {
  it('prints a loopback till URL carrying the token and a customer URL', () => {
    assert.equal(shell.tillUrl, `http://127.0.0.1:${port}/?token=${token}`);
    assert.equal(shell.customerUrl, `http://127.0.0.1:${port}/customer`);
    assert.ok(token.length >= 32);
  });

  it('serves the till and customer pages with a strict CSP, and assets', async () => {
    for (const path of ['/', '/customer']) {
      const r = await rawRequest(port, 'GET', path);
      assert.equal(r.status, 200);
      assert.match(String(r.headers['content-security-policy']), /default-src 'self'; script-src 'self'/);
      assert.match(String(r.headers['content-security-policy']), /frame-ancestors 'none'/);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.equal(r.headers['referrer-policy'], 'no-referrer');
    }
    const asset = await rawRequest(port, 'GET', '/assets/till.js');
    assert.equal(asset.status, 200);
    assert.match(String(asset.headers['content-type']), /javascript/);
    for (const traversal of [
      '/assets/../../outside.txt',
      '/assets/%2e%2e/%2e%2e/outside.txt',
      '/assets/..%2F..%2Foutside.txt',
    ]) {
      assert.equal((await rawRequest(port, 'GET', traversal)).status, 404, traversal);
    }
  });

  it('refuses every command without the session token (401)', async () => {
    const none = await rawRequest(
      port,
      'POST',
      '/api/command/till.snapshot',
      { 'Content-Type': 'application/json' },
      '{}',
    );
    assert.equal(none.status, 401);
    assert.equal(json(none.body).error?.code, 'NOT_ALLOWED');
    const wrong = await command(port, `${token.slice(0, -1)}x`, 'till.snapshot', {});
    assert.equal(wrong.status, 401);
    const inQuery = await rawRequest(
      port,
      'POST',
      `/api/command/till.snapshot?token=${token}`,
      { 'Content-Type': 'application/json' },
      '{}',
    );
    assert.equal(inQuery.status, 401);
    const events = await rawRequest(port, 'GET', '/api/events');
    assert.equal(events.status, 401);
    const ok = await command(port, token, 'till.snapshot', {});
    assert.equal(ok.status, 200);
    assert.equal(json(ok.body).ok, true);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      `127.0.0.1.evil.example:${port}`,
    ]) {
      const r = await command(port, token, 'till.snapshot', {}, { Host: host });
      assert.equal(r.status, 403, host);
      assert.equal((await rawRequest(port, 'GET', '/', { Host: host })).status, 403, host);
      assert.equal((await rawRequest(port, 'GET', '/customer/events', { Host: host })).status, 403, host);
    }
    assert.equal(
      (await command(port, token, 'till.snapshot', {}, { Host: `localhost:${port}` })).status,
      200,
    );
  });

  it('refuses a cross-origin request (403) and accepts its own origin', async () => {
    const evil = await command(port, token, 'till.snapshot', {}, { Origin: 'http://evil.example' });
    assert.equal(evil.status, 403);
    const otherPort = await command(
      port,
      token,
      'till.snapshot',
      {},
      { Origin: `http://127.0.0.1:${port + 1}` },
    );
    assert.equal(otherPort.status, 403);
    const own = await command(port, token, 'till.snapshot', {}, { Origin: `http://127.0.0.1:${port}` });
    assert.equal(own.status, 200);
  });

  it('lets the customer side invoke nothing', async () => {
    for (const path of [
      '/customer',
      '/customer/events',
      '/customer/api/command/sale.new',
      '/customer/../api/command/sale.new',
    ]) {
      const r = await rawRequest(port, 'POST', path, { 'Content-Type': 'application/json' }, '{}');
      assert.ok(r.status === 403 || r.status === 401, `${path}: ${r.status}`);
    }
    const put = await rawRequest(
      port,
      'PUT',
      '/customer/events',
      { 'Content-Type': 'application/json' },
      '{}',
    );
    assert.equal(put.status, 403);
  });

  it('answers bad payloads, unknown commands and non-JSON with VALIDATION', async () => {
    const bad = await command(port, token, 'sale.payActive', {
      amountCents: 'ten',
      tipCents: 0,
      wallet: 'ALIPAY',
    });
    assert.equal(bad.status, 200);
    assert.deepEqual(json(bad.body).error?.code, 'VALIDATION');
    assert.match(json(bad.body).error?.message ?? '', /^invalid sale\.payActive request — amountCents: /);
    const wallet = await command(port, token, 'sale.payActive', {
      amountCents: 100,
      tipCents: 0,
      wallet: 'PAYPAL',
    });
    assert.match(json(wallet.body).error?.message ?? '', /wallet/);
    const unknown = await command(port, token, 'sale.refundAll', {});
    assert.deepEqual(json(unknown.body).error, {
      code: 'VALIDATION',
      message: 'unknown command',
      retryable: false,
    });
    const notJson = await rawRequest(
      port,
      'POST',
      '/api/command/till.snapshot',
      { 'Content-Type': 'application/json', 'X-Till-Token': token },
      '{nope',
    );
    assert.equal(notJson.status, 400);
    assert.equal(json(notJson.body).error?.code, 'VALIDATION');
    const form = await rawRequest(
      port,
      'POST',
      '/api/command/sale.new',
      { 'Content-Type': 'text/plain', 'X-Till-Token': token },
      '{}',
    );
    assert.equal(form.status, 415);
    // The media type is matched exactly, not as a prefix.
    for (const type of [
      'application/jsonp',
      'application/json-patch+json',
      'application/json; charset=latin1',
    ]) {
      const r = await rawRequest(
        port,
        'POST',
        '/api/command/sale.new',
        { 'Content-Type': type, 'X-Till-Token': token },
        '{}',
      );
      assert.equal(r.status, 415, type);
    }
    const utf8 = await rawRequest(
      port,
      'POST',
      '/api/command/till.snapshot',
      { 'Content-Type': 'Application/JSON; charset=UTF-8', 'X-Till-Token': token },
      '{}',
    );
    assert.equal(utf8.status, 200);
    const huge = await command(port, token, 'sale.submitScan', {
      code: 'x'.repeat(70_000),
      source: 'manual',
    });
    assert.equal(huge.status, 413);
    const overLimit = await command(port, token, 'sale.payActive', {
      amountCents: 500_001,
      tipCents: 0,
      wallet: 'ALIPAY',
    });
    assert.match(json(overLimit.body).error?.message ?? '', /over the till's limit of 5000\.00/);
    // 0.01 with a 4,999.99 tip: a second payment hidden as a tip. Default limit: the amount itself.
    const hugeTip = await command(port, token, 'sale.payActive', {
      amountCents: 1,
      tipCents: 499_999,
      wallet: 'ALIPAY',
    });
    const refusal = json(hugeTip.body).error as { code: string; reason?: string; params?: unknown };
    assert.deepEqual(
      [refusal.code, refusal.reason, refusal.params],
      ['VALIDATION', 'tip-over-limit', { percent: 100, limit: '0.01' }],
    );
    // The limit is a setting.
    const raised = await command(port, token, 'settings.update', {
      patch: { maxTipPercent: 500 },
      pin: '1234',
    });
    assert.equal(json(raised.body).ok, true);
    const over500 = json(
      (await command(port, token, 'sale.payActive', { amountCents: 100, tipCents: 501, wallet: 'ALIPAY' }))
        .body,
    ).error as { reason?: string; params?: unknown };
    assert.deepEqual([over500.reason, over500.params], ['tip-over-limit', { percent: 500, limit: '5.00' }]);
    const back = await command(port, token, 'settings.update', {
      patch: { maxTipPercent: 100 },
      pin: '1234',
    });
    assert.equal(json(back.body).ok, true);
    for (const date of ['2026-10-61', '2026-13-45', '0000-00-00', '2026-02-29']) {
      const r = json((await command(port, token, 'report.exportCsv', { date })).body);
      assert.equal(r.error?.code, 'VALIDATION', date);
      assert.match(r.error?.message ?? '', /not a real calendar day/);
    }
  });

  it('refuses a wrong supervisor PIN and never sends the sign key back', async () => {
    const wrong = await command(port, token, 'settings.update', { patch: { soundsOn: false }, pin: '9999' });
    assert.equal(json(wrong.body).error?.code, 'NOT_ALLOWED');
    const diag = await command(port, token, 'diagnostics.get', {});
    const text = (json(diag.body).value as { text: string }).text;
    assert.match(text, /mode: sandbox/);
    assert.match(text, /"signKeySet": false/);
    assert.ok(!text.includes('5A4D0B0C5EED1E55'));
  });
});

describe('browser shell: events and a whole payment', () => {
  it('streams only the customer projection to the customer display', async () => {
    const customer = await sse('/customer/events');
    assert.equal(customer.status, 200);
    const first = await customer.next((e) => e.event === 'customer.view');
    assert.equal((first.data as CustomerView).sandbox, true);
    assert.equal(
      customer.events.some((e) => e.event !== 'customer.view' && e.event !== 'heartbeat'),
      false,
    );
  });

  it("beats on every stream, with the boot id /api/boot names, on the shell's interval", async () => {
    const beats: Array<() => void> = [];
    const own = await createWebShell({
      core,
      port: 0,
      rendererDir: join(dir, 'renderer'),
      heartbeatMs: 1234,
      heartbeatTimers: {
        setInterval: (fn, ms) => {
          assert.equal(ms, 1234);
          beats.push(fn);
          return beats.length;
        },
        clearInterval: () => {},
      },
    });
    const streamsHere: SseClient[] = [];
    try {
      const boot = json((await rawRequest(own.port, 'GET', '/api/boot')).body).value as { boot: string };
      assert.match(boot.boot, /^[0-9a-f]{16}$/);
      const customer = await openSse(own.port, '/customer/events');
      streamsHere.push(customer);
      const till = await openSse(own.port, `/api/events?token=${own.token}`);
      streamsHere.push(till);
      for (const s of [customer, till]) {
        const first = await s.next((e) => e.event === 'heartbeat', 'the first heartbeat');
        assert.deepEqual(first.data, boot);
      }
      assert.equal(beats.length, 2, 'one interval per stream');
      const before = customer.events.filter((e) => e.event === 'heartbeat').length;
      beats[0]?.();
      await customer.next(
        () => customer.events.filter((e) => e.event === 'heartbeat').length === before + 1,
        'a heartbeat on the interval',
      );
      // Another start of the shell is another boot: a page can tell a restart from a blip.
      assert.notEqual(
        boot.boot,
        (json((await rawRequest(port, 'GET', '/api/boot')).body).value as { boot: string }).boot,
      );
    } finally {
      for (const s of streamsHere) s.close();
      await own.close();
    }
  });

  it('takes an active payment through HTTP commands and shows it paid on both streams', {
    timeout: 30_000,
  }, async () => {
    const till = await sse(`/api/events?token=${token}`);
    const customer = await sse('/customer/events');
    await till.next((e) => e.event === 'till.snapshot');

    const pay = json(
      (
        await command(port, token, 'sale.payActive', {
          amountCents: 1234,
          tipCents: 100,
          wallet: 'WECHATPAY',
        })
      ).body,
    );
    assert.equal(pay.ok, true, JSON.stringify(pay));
    const attempt = pay.value as { orderId: string; state: string; qr: { payload: string } | null };
    assert.equal(attempt.state, 'awaiting_customer');
    assert.ok(attempt.qr);

    const qrView = await customer.next(
      (e) => e.event === 'customer.view' && (e.data as CustomerView).phase === 'qr',
    );
    const view = qrView.data as CustomerView;
    assert.equal(view.amountCents, 1334);
    assert.equal(view.wallet, 'WECHATPAY');
    assert.equal(view.qrPayload, attempt.qr.payload);
    await till.next(
      (e) => e.event === 'till.snapshot' && (e.data as TillSnapshot).sale?.phase === 'in_progress',
    );

    // The customer "pays" on the embedded simulator (its control API; the wallet page does the same).
    const simulatorUrl = core.sandboxInfo?.simulatorUrl;
    assert.ok(simulatorUrl);
    const paid = await fetch(`${simulatorUrl}/_sim/orders/${attempt.orderId}/pay`, { method: 'POST' });
    assert.equal(paid.status, 200);

    const snap = await till.next(
      (e) => e.event === 'till.snapshot' && (e.data as TillSnapshot).sale?.phase === 'paid',
    );
    assert.equal((snap.data as TillSnapshot).sale?.attempt?.state, 'paid');
    assert.equal((snap.data as TillSnapshot).sandbox, true);
    await customer.next((e) => e.event === 'customer.view' && (e.data as CustomerView).phase === 'paid');
    assert.equal(
      customer.events.some((e) => e.event !== 'customer.view' && e.event !== 'heartbeat'),
      false,
    );

    const history = json((await command(port, token, 'history.search', {})).body);
    assert.ok(
      (history.value as Array<{ orderId: string; state: string }>).some(
        (a) => a.orderId === attempt.orderId && a.state === 'paid',
      ),
    );
    assert.deepEqual(json((await command(port, token, 'sale.new', {})).body), { ok: true, value: null });
    await customer.next(
      (e) =>
        e.event === 'customer.view' &&
        (e.data as CustomerView).phase === 'idle' &&
        customer.events.indexOf(e) > 0,
    );
  });

  it('takes a passive payment from a typed wallet code and does not charge the same code twice', {
    timeout: 30_000,
  }, async () => {
    const begin = json(
      (await command(port, token, 'sale.payPassive', { amountCents: 800, tipCents: 0 })).body,
    );
    assert.equal((begin.value as { phase: string }).phase, 'waiting_for_scan');
    const scan = json(
      (await command(port, token, 'sale.submitScan', { code: '134567890123456789', source: 'manual' })).body,
    );
    assert.equal(scan.ok, true, JSON.stringify(scan));
    assert.equal((scan.value as { state: string; maskedCode: string }).state, 'paid');
    assert.ok(!JSON.stringify(scan.value).includes('134567890123456789'));
    assert.deepEqual(json((await command(port, token, 'sale.new', {})).body), { ok: true, value: null });

    json((await command(port, token, 'sale.payPassive', { amountCents: 800, tipCents: 0 })).body);
    const again = json(
      (await command(port, token, 'sale.submitScan', { code: '134567890123456789', source: 'manual' })).body,
    );
    // Within the scan window it is one scan; later, the journal knows the code was used. Either way: refused.
    assert.equal(again.error?.code, 'CONFLICT');
    assert.match(again.error?.message ?? '', /counted once|already used/);
    assert.equal(json((await command(port, token, 'sale.cancel', {})).body).ok, true);
  });
});

describe('browser shell: keyboard-wedge keys from the page', () => {
  it('recognises a scanner burst sent as wedge.keys and pays the waiting sale', {
    timeout: 30_000,
  }, async () => {
    const till = await sse(`/api/events?token=${token}`);
    const begin = json(
      (await command(port, token, 'sale.payPassive', { amountCents: 650, tipCents: 0 })).body,
    );
    assert.equal((begin.value as { phase: string }).phase, 'waiting_for_scan');
    const code = '101234567890123456';
    const events = scannerKeys(code, { gapMs: 4 });
    assert.deepEqual(json((await command(port, token, 'wedge.keys', { events })).body), {
      ok: true,
      value: null,
    });
    const paid = await till.next(
      (e) => e.event === 'till.snapshot' && (e.data as TillSnapshot).sale?.phase === 'paid',
    );
    assert.equal((paid.data as TillSnapshot).sale?.attempt?.maskedCode, '****3456');
    const log = await till.next(
      (e) => e.event === 'scanner.log' && (e.data as { source: string }).source === 'wedge',
    );
    assert.ok(!JSON.stringify(log.data).includes(code), 'the scan log masks wallet codes');
    assert.deepEqual(json((await command(port, token, 'sale.new', {})).body), { ok: true, value: null });
  });
});

describe('browser shell: customer display on the LAN', () => {
  it('answers the LAN host name on the customer paths only', async () => {
    const lan = await createWebShell({
      core,
      port: 0,
      host: '127.0.0.1',
      rendererDir: join(dir, 'renderer'),
      customerLanHost: 'till-display.local',
    });
    try {
      const host = { Host: `till-display.local:${lan.port}` };
      assert.deepEqual(lan.customerLanUrls, [`http://till-display.local:${lan.port}/customer`]);
      assert.equal((await rawRequest(lan.port, 'GET', '/customer', host)).status, 200);
      assert.equal((await rawRequest(lan.port, 'GET', '/assets/till.js', host)).status, 200);
      assert.equal((await rawRequest(lan.port, 'GET', '/', host)).status, 403);
      assert.equal((await rawRequest(lan.port, 'GET', `/api/events?token=${lan.token}`, host)).status, 403);
      const cmd = await command(lan.port, lan.token, 'till.snapshot', {}, host);
      assert.equal(cmd.status, 403);
      const post = await rawRequest(
        lan.port,
        'POST',
        '/customer',
        { ...host, 'Content-Type': 'application/json' },
        '{}',
      );
      assert.equal(post.status, 403);
    } finally {
      await lan.close();
    }
  });
});

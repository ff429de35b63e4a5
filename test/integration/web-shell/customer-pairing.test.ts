// Issue 21: one-device pairing for the LAN customer display, over real HTTP on port 0. Before, every
// stream subscriber saw the tip ask's id and any of them could answer for the customer. Now the till
// offers a code (customer.pairDisplay), the display that types it gets an HttpOnly cookie, and only the
// display presenting it sees the ask id and may answer; a second, unpaired display still shows the
// amount but is refused. A till restart renews the pairing (it lives in memory only).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTillCore, type TillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore, type SecretStore } from '../../../electron/core/config/secret-store.ts';
import { createWebShell, type WebShell } from '../../../electron/web-shell/server.ts';
import { DEFAULT_CUSTOMER_SIDE } from '../../../shared/customer-side.ts';
import type { CustomerView, TillSnapshot } from '../../../shared/domain.ts';
import { signIn } from '../../support/sign-in.ts';
import { command, openSse, rawRequest, type SseClient } from './http-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'till-customer-pairing-'));
const renderer = join(dir, 'renderer');
let secrets: SecretStore;
let core: TillCore;
let shell: WebShell;
const streams: SseClient[] = [];

async function start(): Promise<void> {
  core = await createTillCore({ dataDir: join(dir, 'data'), secrets });
  await signIn(core);
  shell = await createWebShell({ core, port: 0, rendererDir: renderer });
}
async function stop(): Promise<void> {
  for (const s of streams.splice(0)) s.close();
  await shell.close();
  await core.close();
}

before(async () => {
  for (const entry of ['till', 'customer']) {
    mkdirSync(join(renderer, entry), { recursive: true });
    writeFileSync(join(renderer, entry, 'index.html'), `<!doctype html><title>${entry}</title>`);
  }
  secrets = createMemorySecretStore();
  await start();
  const set = await till('settings.update', {
    patch: {
      customerSide: { ...DEFAULT_CUSTOMER_SIDE, customerPicksTip: true },
      tipPresetsPercent: [15, 18, 20],
    },
    pin: '1234',
  });
  assert.ok(set.ok, JSON.stringify(set));
});

after(async () => {
  await stop();
  rmSync(dir, { recursive: true, force: true });
});

async function till(name: string, payload: unknown): Promise<{ ok: boolean; value?: unknown }> {
  const res = await command(shell.port, shell.token, name, payload);
  return JSON.parse(res.body);
}

const json = { 'Content-Type': 'application/json' };
const withCookie = (cookie: string | null) => (cookie ? { ...json, Cookie: cookie } : json);

/** POST /customer/pair as a display would; the cookie it was given (name=value), if any. */
async function pair(code: string) {
  const res = await rawRequest(shell.port, 'POST', '/customer/pair', json, JSON.stringify({ code }));
  const setCookie = res.headers['set-cookie']?.[0] ?? null;
  return {
    status: res.status,
    body: JSON.parse(res.body),
    setCookie,
    cookie: setCookie?.split(';')[0] ?? null,
  };
}

async function choose(cookie: string | null, body: unknown) {
  const res = await rawRequest(
    shell.port,
    'POST',
    '/customer/choice',
    withCookie(cookie),
    JSON.stringify(body),
  );
  return {
    status: res.status,
    body: JSON.parse(res.body) as { ok: boolean; error?: Record<string, unknown> },
  };
}

async function display(cookie: string | null): Promise<SseClient> {
  const s = await openSse(shell.port, '/customer/events', cookie ? { Cookie: cookie } : {});
  assert.equal(s.status, 200);
  streams.push(s);
  return s;
}

const viewAsking = (s: SseClient, amountCents: number) =>
  s.next((e) => {
    const v = e.data as CustomerView;
    return e.event === 'customer.view' && v.phase === 'entering' && v.amountCents === amountCents;
  });

async function offer(): Promise<string> {
  const r = await till('customer.pairDisplay', {});
  assert.ok(r.ok, JSON.stringify(r));
  const { code, expiresAt } = r.value as { code: string; expiresAt: number };
  assert.match(code, /^\d{6}$/);
  assert.ok(expiresAt > Date.now());
  return code;
}

describe('the LAN customer display, paired', () => {
  let cookieA: string | null = null;

  it('the display that types the till’s code gets an HttpOnly cookie; a wrong or used code gets none', async () => {
    const code = await offer();
    const wrong = await pair(code === '000000' ? '000001' : '000000');
    assert.deepEqual([wrong.status, wrong.body.ok, wrong.setCookie], [200, false, null]);
    assert.equal(wrong.body.error.message, 'That pairing code is not the one on the till');
    const right = await pair(code);
    assert.deepEqual([right.status, right.body], [200, { ok: true, value: null }]);
    assert.match(
      right.setCookie ?? '',
      /^till-display=[0-9a-f]{32}; Path=\/customer; Max-Age=\d+; HttpOnly; SameSite=Strict$/,
    );
    assert.doesNotMatch(JSON.stringify(right.body), /[0-9a-f]{32}/, 'the token is in the cookie only');
    cookieA = right.cookie;
    const reused = await pair(code);
    assert.deepEqual([reused.body.ok, reused.setCookie], [false, null], 'a code pairs one display');
  });

  it('only the paired display sees the ask id and may answer; a second display watches and is refused', async () => {
    const paired = await display(cookieA);
    const other = await display(null);
    assert.ok((await till('customer.askTip', { amountCents: 4000 })).ok);
    const seenPaired = (await viewAsking(paired, 4000)).data as CustomerView;
    const seenOther = (await viewAsking(other, 4000)).data as CustomerView;
    assert.equal(seenPaired.pairing, 'paired');
    const askId = seenPaired.tipAsk?.askId;
    assert.match(askId ?? '', /^[0-9a-f]{32}$/);
    assert.equal(seenOther.pairing, 'unpaired');
    assert.equal(seenOther.amountCents, 4000, 'the unpaired display still shows the amount');
    assert.equal('tipAsk' in seenOther, false, 'no ask id reaches an unpaired display');
    assert.doesNotMatch(JSON.stringify(other.events), new RegExp(askId ?? 'none'));

    // Even holding the ask id (a guess, a look over the shoulder), the unpaired display is refused.
    const refused = await choose(null, { askId, tipCents: 0 });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error?.reason, 'display-not-paired');
    assert.equal(
      refused.body.error?.message,
      'This display is not paired with the till: pair it with the code the till shows',
    );
    const forged = await choose(`till-display=${'ab'.repeat(16)}`, { askId, tipCents: 0 });
    assert.equal(forged.status, 403);

    const taken = await choose(cookieA, { askId, tipCents: 720, tipPercent: 18 });
    assert.deepEqual(taken, { status: 200, body: { ok: true, value: null } });
    const snap = (await till('till.snapshot', {})).value as TillSnapshot;
    assert.equal(snap.customerChoice?.tipCents, 720);
    assert.ok((await till('sale.new', {})).ok);
  });

  it('pairing another display unpairs the first: one device answers', async () => {
    const b = await pair(await offer());
    assert.ok(b.cookie);
    assert.ok((await till('customer.askTip', { amountCents: 2500 })).ok);
    const askId = core.customerView().tipAsk?.askId;
    const fromA = await choose(cookieA, { askId, tipCents: 0 });
    assert.equal(fromA.body.error?.reason, 'display-not-paired');
    const fromB = await choose(b.cookie, { askId, language: 'fr' });
    assert.equal(fromB.body.ok, true);
    // A's stream, still open, stops getting the ask at the next view.
    const a = await display(cookieA);
    const seen = (await viewAsking(a, 2500)).data as CustomerView;
    assert.deepEqual([seen.pairing, 'tipAsk' in seen], ['unpaired', false]);
    cookieA = b.cookie;
    assert.ok((await till('customer.skipTip', {})).ok);
    assert.ok((await till('sale.new', {})).ok);
  });

  it('a locked till takes no choice even from the paired display', async () => {
    assert.ok((await till('customer.askTip', { amountCents: 1500 })).ok);
    const askId = core.customerView().tipAsk?.askId;
    assert.ok((await till('staff.signOut', {})).ok);
    const locked = await choose(cookieA, { askId, tipCents: 0 });
    assert.equal(locked.body.error?.reason, 'sign-in-needed');
    await signIn(core);
    assert.ok((await till('customer.skipTip', {})).ok);
    assert.ok((await till('sale.new', {})).ok);
  });

  it('a till restart renews the pairing: the old cookie is refused until the display pairs again', async () => {
    await stop();
    await start();
    const s = await display(cookieA);
    const first = (await s.next((e) => e.event === 'customer.view')).data as CustomerView;
    assert.equal(first.pairing, 'unpaired');
    assert.ok((await till('customer.askTip', { amountCents: 900 })).ok);
    const askId = core.customerView().tipAsk?.askId;
    assert.equal((await choose(cookieA, { askId, tipCents: 0 })).body.error?.reason, 'display-not-paired');
    const again = await pair(await offer());
    assert.equal((await choose(again.cookie, { askId, tipCents: 0 })).body.ok, true);
  });
});

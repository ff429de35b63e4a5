// renderer/transport in real Chromium against the real browser shell: the token leaves the address bar
// for sessionStorage, commands and events flow, a reload still works, and the customer page hears
// its projection. The transport is bundled with esbuild into a tiny probe page (no React needed).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createTillCore, type TillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { createWebShell, type WebShell } from '../../../electron/web-shell/server.ts';
import { signIn } from '../../support/sign-in.ts';

const transport = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'renderer',
  'transport',
  'index.ts',
);

const TILL_PROBE = `
import { getTillApi } from ${JSON.stringify(transport)};
const api = getTillApi();
const seen = [];
window.__seen = seen;
api.on('till.snapshot', (s) => seen.push('snapshot:' + (s.sale ? s.sale.phase : 'none')));
api.on('customer.view', (v) => seen.push('view:' + v.phase));
window.__invoke = (name, request) => api.invoke(name, request);
`;
const CUSTOMER_PROBE = `
import { getCustomerApi } from ${JSON.stringify(transport)};
window.__views = [];
getCustomerApi().on('customer.view', (v) => window.__views.push(v.phase + ':' + (v.amountCents ?? '-')));
`;

let dir: string;
let core: TillCore;
let shell: WebShell;
let browser: Browser;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'till-transport-'));
  const renderer = join(dir, 'renderer');
  for (const [entry, source] of [
    ['till', TILL_PROBE],
    ['customer', CUSTOMER_PROBE],
  ] as const) {
    mkdirSync(join(renderer, entry), { recursive: true });
    writeFileSync(join(dir, `${entry}-probe.ts`), source);
    await build({
      entryPoints: [join(dir, `${entry}-probe.ts`)],
      outfile: join(renderer, 'assets', `${entry}.js`),
      bundle: true,
      format: 'esm',
      platform: 'browser',
      logLevel: 'warning',
    });
    writeFileSync(
      join(renderer, entry, 'index.html'),
      `<!doctype html><script type="module" src="../assets/${entry}.js"></script>`,
    );
  }
  core = await createTillCore({ dataDir: join(dir, 'data'), secrets: createMemorySecretStore() });
  await signIn(core);
  shell = await createWebShell({ core, port: 0, rendererDir: renderer });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
});

after(async () => {
  await browser?.close();
  await shell?.close();
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What the probe pages leave on their window (this file is type-checked without DOM types). */
interface Probe {
  __seen?: string[];
  __views?: string[];
  __invoke(name: string, request: unknown): Promise<{ ok: boolean }>;
  sessionStorage: { getItem(key: string): string | null };
}
// These run in the page (playwright serialises them): no closures over this module.
const seenIncludes = (what: string) => ((globalThis as unknown as Probe).__seen ?? []).includes(what);
const viewsInclude = (what: string) => ((globalThis as unknown as Probe).__views ?? []).includes(what);
const invoke = ([name, request]: [string, unknown]) =>
  (globalThis as unknown as Probe).__invoke(name, request);
const storedToken = () => (globalThis as unknown as Probe).sessionStorage.getItem('till.sessionToken');
const noneAfterWaiting = () => {
  const seen = (globalThis as unknown as Probe).__seen ?? [];
  return seen.lastIndexOf('snapshot:none') > seen.lastIndexOf('snapshot:waiting_for_scan');
};

/** Runs in the page before its scripts: counts till.snapshot command answers, asked and settled. */
const COUNT_SNAPSHOT_ANSWERS = `(() => {
  const answers = { asked: 0, settled: 0 };
  window.__snapshotAnswers = answers;
  const fetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    if (!String(input).includes('/api/command/till.snapshot')) return fetch(input, init);
    answers.asked++;
    const settle = () => setTimeout(() => answers.settled++, 0);
    return fetch(input, init).then(
      (res) => {
        const json = res.json.bind(res);
        res.json = () => json().finally(settle);
        return res;
      },
      (err) => {
        settle();
        throw err;
      },
    );
  };
})();`;
const snapshotAnswersSettled = () => {
  const a = (globalThis as unknown as { __snapshotAnswers: { asked: number; settled: number } })
    .__snapshotAnswers;
  return a.settled === a.asked;
};

/** Resolves once `count` of the page's attempts at `path` found nothing listening (the shell is away). */
function refusedAttempts(page: Page, path: string, count: number): Promise<void> {
  return new Promise((resolve) => {
    let refused = 0;
    page.on('requestfailed', (request) => {
      if (new URL(request.url()).pathname !== path) return;
      // The dropped stream itself fails too (an incomplete body): only new attempts count.
      if (request.failure()?.errorText === 'net::ERR_CONNECTION_REFUSED' && ++refused === count) resolve();
    });
  });
}

/** A new till page, its first snapshot (no sale) heard; `init` runs in it before its scripts. */
async function openTillPage(init?: string): Promise<Page> {
  const page = await browser.newPage();
  if (init) await page.addInitScript(init);
  await page.goto(shell.tillUrl);
  await page.waitForFunction(seenIncludes, 'snapshot:none');
  return page;
}

/**
 * Stops the shell, runs `meanwhile` while nothing answers, then starts it again on the same port: with
 * the same token, or another (`newToken`: a restarted till process). Resolves when it answers again.
 */
async function shellAway(meanwhile: () => Promise<void>, o: { newToken?: boolean } = {}): Promise<number> {
  const { port, token } = shell;
  await shell.close();
  await meanwhile();
  shell = await createWebShell({
    core,
    port,
    ...(o.newToken ? {} : { token }),
    rendererDir: join(dir, 'renderer'),
  });
  return Date.now();
}

/** The page has caught up with the sale started while the shell was away; cancels it and sees that too. */
async function caughtUpThenCancel(page: Page, t: { diagnostic(message: string): void }, answering: number) {
  await page.waitForFunction(seenIncludes, 'snapshot:waiting_for_scan');
  t.diagnostic(`caught up ${Date.now() - answering} ms after the shell answered again`);
  await core.handlers['sale.cancel']({});
  await page.waitForFunction(noneAfterWaiting);
  await page.close();
}

describe('renderer transport in the browser', () => {
  it('moves the token to sessionStorage, invokes commands and hears events, also after a reload', {
    timeout: 30_000,
  }, async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(shell.tillUrl);
    await page.waitForFunction(seenIncludes, 'snapshot:none');
    assert.equal(page.url(), `http://127.0.0.1:${shell.port}/`);
    assert.equal(await page.evaluate(storedToken), shell.token);

    const answer = await page.evaluate(invoke, ['sale.payPassive', { amountCents: 700, tipCents: 0 }] as [
      string,
      unknown,
    ]);
    assert.equal(answer.ok, true);
    await page.waitForFunction(seenIncludes, 'snapshot:waiting_for_scan');
    await page.waitForFunction(seenIncludes, 'view:waiting');

    await page.reload();
    await page.waitForFunction(seenIncludes, 'snapshot:waiting_for_scan');
    const cancel = await page.evaluate(invoke, ['sale.cancel', {}] as [string, unknown]);
    assert.equal(cancel.ok, true);
    await page.waitForFunction(seenIncludes, 'snapshot:none');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('reconnects the event stream after the shell restarts and catches up', {
    timeout: 30_000,
  }, async (t) => {
    const page = await openTillPage();
    // While the page is cut off, the sale changes; the page must learn it once it reconnects.
    const answering = await shellAway(async () => {
      await core.handlers['sale.payPassive']({ amountCents: 300, tipCents: 0 });
    });
    await caughtUpThenCancel(page, t, answering);
  });

  it("catches up after a shell that stayed away through several of the page's attempts", {
    timeout: 30_000,
  }, async (t) => {
    const page = await openTillPage();
    const refusedTwice = refusedAttempts(page, '/api/events', 2);
    const answering = await shellAway(async () => {
      await core.handlers['sale.payPassive']({ amountCents: 400, tipCents: 0 });
      // The page keeps trying while nothing answers (a till restarting takes a while)...
      await refusedTwice;
    });
    // ...and is back as soon as one attempt finds the shell, with what changed meanwhile.
    await caughtUpThenCancel(page, t, answering);
  });

  it('after a reconnect, a change pushed while a snapshot answer is still on its way is what the page shows', {
    timeout: 30_000,
  }, async () => {
    // Counts the page's till.snapshot answers, settled once every callback of theirs has run (a task
    // queued after the answer's promise callbacks).
    const page = await openTillPage(COUNT_SNAPSHOT_ANSWERS);
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await shellAway(async () => {
      await core.handlers['sale.payPassive']({ amountCents: 600, tipCents: 0 });
      // A snapshot answer made now (the sale waiting for its scan) is held until after the cancel.
      const before = { ok: true, value: core.snapshot() };
      await page.route('**/api/command/till.snapshot', async (route) => {
        await released;
        await route.fulfill({ contentType: 'application/json', body: JSON.stringify(before) });
      });
    });
    await page.waitForFunction(seenIncludes, 'snapshot:waiting_for_scan');
    await core.handlers['sale.cancel']({});
    await page.waitForFunction(noneAfterWaiting);
    release();
    // Whatever snapshot answers the page asked for have reached it by now.
    await page.waitForFunction(snapshotAnswersSettled);
    assert.ok(await page.evaluate(noneAfterWaiting), 'the cancelled sale is not shown as waiting again');
    await page.unrouteAll({ behavior: 'wait' });
    await page.close();
  });

  it('the customer page follows a restarted shell (new token, new boot) to the current sale', {
    timeout: 30_000,
  }, async (t) => {
    const page = await browser.newPage();
    await page.goto(shell.customerUrl);
    await page.waitForFunction(viewsInclude, 'idle:-');
    const refused = refusedAttempts(page, '/customer/events', 1);
    // A restarted till process: another token and boot; the display needs neither to follow it.
    const answering = await shellAway(
      async () => {
        await core.handlers['sale.payPassive']({ amountCents: 500, tipCents: 0 });
        await refused;
      },
      { newToken: true },
    );
    await page.waitForFunction(viewsInclude, 'waiting:500');
    t.diagnostic(`the display caught up ${Date.now() - answering} ms after the shell answered again`);
    await core.handlers['sale.cancel']({});
    await page.close();
  });

  it('gives the customer page its projection only', { timeout: 30_000 }, async () => {
    const page = await browser.newPage();
    await page.goto(shell.customerUrl);
    await page.waitForFunction(viewsInclude, 'idle:-');
    await core.handlers['sale.payPassive']({ amountCents: 900, tipCents: 100 });
    await page.waitForFunction(viewsInclude, 'waiting:1000');
    await core.handlers['sale.cancel']({});
    await page.close();
  });
});

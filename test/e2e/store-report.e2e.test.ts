// The owner's page from `store serve`, in real Chromium: a till's shipped day shows with the same
// figures as the till's own report; without the token's link the page says so and the data endpoint
// refuses; nothing but GET is answered. Needs `npm run build` (the store renderer entry).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { ingestBatch } from '../../electron/store/ingest.ts';
import { formatMoney } from '../../shared/money.ts';
import { makeRig, type Rig } from '../integration/payments/harness.ts';
import { startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { prng } from '../support/prng.ts';
import { lastSaleDay, makeSales, shipAll, tillIdOf } from '../support/store-sync.ts';
import { launchBrowser, openPage } from './harness.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let server: TestPostgres;
let rig: Rig;
let serve: ChildProcess;
let pageUrl: string;
let browser: Browser;
let day: string;

before(async () => {
  server = await startTestPostgres();
  await server.createDatabase('owner');
  rig = await makeRig();
  await makeSales(rig, 10, prng(31));
  await shipAll(rig, server.url('owner'), 'downtown');
  day = lastSaleDay(rig);
  serve = spawn(
    process.execPath,
    [
      '--disable-warning=ExperimentalWarning',
      'electron/cli/index.ts',
      'store',
      'serve',
      '--pg',
      server.urlWithPassword('owner'),
      '--port',
      '0',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  pageUrl = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: serve.stdout as NodeJS.ReadableStream });
    rl.once('line', (line) => {
      const m = /^store report at (\S+)$/.exec(line);
      if (m?.[1]) resolve(m[1]);
      else reject(new Error(`unexpected first line: ${line}`));
    });
    serve.once('exit', (code) => reject(new Error(`store serve exited with ${code}`)));
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  if (serve && serve.exitCode === null) {
    const gone = new Promise((r) => serve.once('exit', r));
    serve.kill('SIGTERM');
    await gone;
  }
  await rig?.close();
  server?.dispose();
});

describe('the owner’s store page', () => {
  it('shows each till’s day as the till itself reports it', async () => {
    const page = await openPage(browser);
    // The page asks for the browser's today at once, then for the chosen day: today's answer is held
    // until the chosen day's has come, as on a slow link (it then showed today's figures for the day).
    let releaseToday: () => void = () => {};
    const todayHeld = new Promise<void>((resolve) => {
      releaseToday = resolve;
    });
    const held: string[] = [];
    const otherDay = day === '2000-01-01' ? '2000-01-02' : '2000-01-01';
    await page.route('**/api/report?*', async (route) => {
      const url = route.request().url();
      if (new URL(url).searchParams.get('day') !== day) {
        held.push(url);
        await todayHeld;
      }
      await route.continue();
    });
    await page.goto(pageUrl);
    // A day with no sales first, so the chosen day's answer is a change the page must keep.
    await page.getByLabel('Date').fill(otherDay);
    await page.getByLabel('Date').fill(day);
    const own = rig.engine.dailyReport(day);
    const net = formatMoney(own.netCents, 'CAD', 'en-CA');
    const row = page.getByTestId(`till-${tillIdOf(rig)}`);
    // The page first shows the browser's today, then the chosen day: wait for the day's figure.
    await row.locator('td.net', { hasText: net }).waitFor();
    // The held answers (today's, the empty day's) land after it, and are dropped.
    assert.ok(held.length > 0);
    const landed = Promise.all(held.map((url) => page.waitForResponse(url)));
    releaseToday();
    await landed;
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    assert.match(await row.innerText(), /Till T1/);
    const gross = formatMoney(own.grossCents, 'CAD', 'en-CA');
    assert.ok((await row.innerText()).includes(gross), `gross ${gross} in ${await row.innerText()}`);
    const total = page.getByTestId('store-downtown').getByTestId('total-CAD');
    assert.equal(await total.locator('td.net').innerText(), net);
    // The token left the address bar once read.
    assert.doesNotMatch(page.url(), /token/);
    await page.close();
  });

  it('names a till’s cashier by the staff directory the till shipped', async () => {
    // A second store's till whose staff account 1 took a sale that day (the rig's sales have none).
    const at = Date.parse(`${day}T12:00:00Z`);
    const client = new pg.Client({ connectionString: server.urlWithPassword('owner') });
    await client.connect();
    try {
      await ingestBatch(client, {
        storeId: 'uptown',
        tillId: 'till-b',
        terminalNo: 'T9',
        timeZone: 'UTC',
        appVersion: 'test',
        sentAt: Date.now(),
        asOfSeq: 1,
        events: [
          {
            seq: 1,
            at,
            entity: 'attempt',
            entityId: 'B1',
            type: 'attempt.created',
            cause: 'command',
            fromState: null,
            toState: null,
            detail: {},
          },
        ],
        attempts: [
          {
            attemptId: 'B1',
            orderId: 'B1',
            saleId: 'SB1',
            mode: 'passive',
            wallet: 'ALIPAY',
            amountCents: 1000,
            tipCents: 0,
            currency: 'CAD',
            state: 'paid',
            operatorId: '7',
            cashierId: '1',
            terminalNo: 'T9',
            createdAt: at,
            paidAt: at,
            needsAttention: false,
            manual: false,
            refundedCents: 0,
          },
        ],
        refunds: [],
        staff: [{ staffId: '1', name: 'Dana', role: 'cashier', active: true }],
      });
    } finally {
      await client.end();
    }
    const page = await openPage(browser);
    await page.goto(pageUrl);
    await page.getByLabel('Date').fill(day);
    const row = page.locator('tr', { hasText: 'T9 · Dana' });
    await row.waitFor();
    assert.ok((await row.innerText()).includes(formatMoney(1000, 'CAD', 'en-CA')));
    await page.close();
  });

  it('without the token the page says so, and the data endpoint refuses', async () => {
    const page = await openPage(browser);
    const bare = pageUrl.replace(/#.*$/, '');
    await page.goto(bare);
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /needs the full link/);
    const denied = await fetch(`${bare}api/report?day=${day}`);
    assert.equal(denied.status, 401);
    const token = new URL(pageUrl).hash.replace('#token=', '');
    const post = await fetch(`${bare}api/report?day=${day}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(post.status, 405);
    const bad = await fetch(`${bare}api/report?day=yesterday`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(bad.status, 400);
    await page.close();
  });
});

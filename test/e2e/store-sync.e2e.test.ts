// The till's own word on shipping, in Chromium: a live till started with --store-pg pointing at a
// database that is not there, holding an event ten minutes old, says in its header that nothing was
// shipped for ten minutes and shows the error in settings; once the supervisor corrects the URL there,
// the header says it is up to date. Needs `npm run build`.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { JOURNAL_FILE } from '../../electron/core/app/payment-stack.ts';
import { openJournal } from '../../electron/core/journal/open-journal.ts';
import { createSimulator, type Simulator } from '../../electron/core/simulator/index.ts';
import { startTestPostgres, TEST_PG_PASSWORD, type TestPostgres } from '../support/postgres.ts';
import { launchBrowser, OWNER_PIN, openPage, type Shell, signInTill, startShell } from './harness.ts';

const LIVE_KEY = '00112233AABBCCDD';
const MERCHANT = 'QC00005496';
let server: TestPostgres;
let gateway: Simulator;
let shell: Shell;
let browser: Browser;
let page: Page;
let dataDir: string;

before(async () => {
  server = await startTestPostgres();
  await server.createDatabase('chain');
  gateway = await createSimulator({ merchants: [{ merchantId: MERCHANT, signKey: LIVE_KEY }] });
  dataDir = mkdtempSync(join(tmpdir(), 'till-e2e-sync-'));
  writeFileSync(
    join(dataDir, 'settings.json'),
    JSON.stringify({
      merchantId: MERCHANT,
      operatorId: '42',
      gatewayUrl: gateway.url,
      // Warn after one minute: the journal's waiting event is ten minutes old.
      storeSync: { url: '', storeId: '', staleMinutes: 1 },
    }),
  );
  writeFileSync(
    join(dataDir, 'secrets.json'),
    JSON.stringify({ signKey: LIVE_KEY, storePgPassword: TEST_PG_PASSWORD }),
  );
  const journal = openJournal({ path: join(dataDir, JOURNAL_FILE) });
  journal.db
    .prepare(
      `INSERT INTO events (at, entity, entity_id, type, cause, detail) VALUES (?, 'sale', 'S1', 'sale.created', 'command', '{}')`,
    )
    .run(Date.now() - 10 * 60_000);
  journal.close();
  shell = await startShell({
    dataDir,
    extraArgs: ['--store-pg', server.url('missing'), '--store-id', 'north'],
  });
  browser = await launchBrowser();
  page = await openPage(browser);
  await page.goto(shell.tillUrl);
});
after(async () => {
  await browser?.close();
  await shell?.stop();
  await gateway?.close();
  server?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('store sync on the till', () => {
  it('says in the header that nothing was shipped for ten minutes, and why in settings', async () => {
    const badge = page.getByTestId('sync-badge');
    await badge.filter({ hasText: 'nothing shipped for 10 min' }).waitFor();
    assert.equal(await badge.getAttribute('role'), 'alert');
    // The header says it even on the lock screen; settings need a signed-in supervisor (the owner).
    await signInTill(page, OWNER_PIN);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const status = page.getByTestId('sync-status');
    await status.filter({ hasText: 'Last error' }).waitFor();
    assert.match(await status.innerText(), /"missing" does not exist/);
    assert.match(await status.innerText(), /1 event waiting/);
    assert.doesNotMatch(await page.content(), new RegExp(TEST_PG_PASSWORD));
  });

  it('a corrected URL, saved with the PIN, ships the waiting event: the header says up to date', async () => {
    await page.getByLabel('PostgreSQL URL (without the password)').fill(server.url('chain'));
    await page.getByRole('button', { name: 'Save store sync' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Supervisor PIN').fill(OWNER_PIN);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page.getByTestId('sync-badge').filter({ hasText: 'Store sync: up to date' }).waitFor();
    assert.match(await page.getByTestId('sync-status').innerText(), /event 1\)/);
  });
});

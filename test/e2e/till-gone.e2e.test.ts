// Pages that notice a dead or restarted till: the web shell process is killed mid-payment (a QR on the
// customer display); within a few seconds the till page says the till is not running and the customer
// display drops the QR. The till is started again on the same port: the till page says its session
// ended and what to open, and the customer display, which needs no session, reconnects by itself.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { gotoTill, launchBrowser, openPage, type Shell, startShell } from './harness.ts';

describe('a killed, then restarted, till', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'till-e2e-gone-'));
  let shell: Shell | undefined;
  let restarted: Shell | undefined;
  let browser: Browser;
  let till: Page;
  let customer: Page;

  before(async () => {
    shell = await startShell({ dataDir });
    browser = await launchBrowser();
    till = await openPage(browser);
    customer = await openPage(browser, 800, 480);
    await gotoTill(till, shell);
    await customer.goto(shell.customerUrl);
    await till.getByLabel('Amount', { exact: true }).waitFor();
  });

  after(async () => {
    await browser?.close();
    await shell?.stop();
    await restarted?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('killed: "till not running" on the till page, no QR on the customer display', async (t) => {
    assert.ok(shell);
    await till.getByLabel('Amount', { exact: true }).fill('12.34');
    await till.keyboard.press('w');
    await customer.getByTestId('qr').waitFor();
    await till.getByText('OTTPay: up').waitFor();

    await shell.kill();
    const killedAt = Date.now();
    await till.getByText('Till not running — this page lost its connection to the till.').waitFor();
    await customer.getByRole('heading', { name: 'This display is not connected to the till' }).waitFor();
    const noticedMs = Date.now() - killedAt;
    assert.equal(await customer.getByTestId('qr').count(), 0, 'the QR is gone from the customer display');
    assert.equal(await till.getByText('OTTPay: up').count(), 0, 'no stale gateway state');
    t.diagnostic(`both pages noticed the dead till ${noticedMs} ms after the kill`);
    assert.ok(noticedMs < 15_000, `noticed within a few seconds (${noticedMs} ms)`);
  });

  it('restarted on the same port: the till page says what to open, the customer display reconnects', async (t) => {
    assert.ok(shell);
    const port = Number(new URL(shell.tillUrl).port);
    restarted = await startShell({ dataDir, port });
    const answering = Date.now();
    await till
      .getByText('The till was restarted: this page’s session has ended.')
      .waitFor({ timeout: 30_000 });
    await till.getByText(/Open the till address the till printed/).waitFor();
    await customer
      .getByRole('heading', { name: 'This display is not connected to the till' })
      .waitFor({ state: 'detached', timeout: 30_000 });
    assert.notEqual(await customer.locator('.customer').getAttribute('data-phase'), 'disconnected');
    // The process start is most of this test's time under load; the pages themselves follow at once.
    t.diagnostic(
      `both pages followed the restarted till ${Date.now() - answering} ms after it announced itself`,
    );

    // A reload of the old page (its old session) says the same, instead of a bare refusal.
    await till.reload();
    await till.getByText('The till was restarted: this page’s session has ended.').waitFor();

    // The address the restarted till printed works at once.
    await till.goto(restarted.tillUrl);
    await till.getByText('OTTPay: up').waitFor();
  });
});

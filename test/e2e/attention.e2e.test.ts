// Needs attention end to end: the connection is cut while a payment is sent (the gateway never gets it,
// but the till cannot know), the till restarts before OTTPay can be believed about "no such order", so
// start-up recovery flags the attempt; the list shows it and a supervisor marks it failed with the PIN.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  enterCodeByHand,
  gotoTill,
  launchBrowser,
  openPage,
  type Shell,
  simulatorRequest,
  startShell,
  toNewSale,
  walletCode,
} from './harness.ts';

describe('needs attention: an unknown outcome left by a restart, resolved by a supervisor', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'till-e2e-attention-'));
  let shell: Shell | undefined;
  let browser: Browser;
  let till: Page;
  let orderId = '';

  before(async () => {
    shell = await startShell({ dataDir });
    browser = await launchBrowser();
    till = await openPage(browser);
    await gotoTill(till, shell);
    await till.getByLabel('Amount', { exact: true }).waitFor();
  });

  after(async () => {
    await browser?.close();
    await shell?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a payment whose connection was cut, then a restart, is listed in Needs attention', async () => {
    assert.ok(shell);
    // The next pay request reaches the simulator, which cuts the connection without acting on it.
    const fault = await simulatorRequest(shell, '/_sim/faults', {
      add: { mode: 'drop', action: 'PASSIVEPAY' },
    });
    assert.equal(fault.status, 200, await fault.text());

    await toNewSale(till);
    await till.getByLabel('Amount', { exact: true }).fill('21.00');
    await till.keyboard.press('Enter');
    await till.getByRole('heading', { name: /Scan the customer’s payment code/ }).waitFor();
    await enterCodeByHand(till, walletCode('WECHATPAY'));
    await till.getByRole('heading', { name: 'Checking with OTTPay…' }).waitFor({ timeout: 20_000 });
    orderId = ((await till.getByTestId('order-id').textContent()) ?? '').trim();
    assert.match(orderId, /\w{6,}/);
    assert.equal(
      (await simulatorRequest(shell, `/_sim/orders/${orderId}`)).status,
      404,
      'the gateway has no such order',
    );

    // The till restarts on the same journal while "no such order" cannot yet be believed.
    await shell.stop();
    shell = undefined;
    shell = await startShell({ dataDir });
    await gotoTill(till, shell);
    await till
      .getByRole('button', { name: '1 payment needs attention before the next sale.' })
      .waitFor({ timeout: 20_000 });

    await till.getByRole('button', { name: /^Needs attention/ }).click();
    await till.getByRole('heading', { name: 'Needs attention' }).waitFor();
    const item = till.locator('.attention-list li').filter({ hasText: orderId });
    await item.waitFor();
    await item.getByText(/Not resolved after the restart/).waitFor();
    await item.getByText('$21.00', { exact: false }).waitFor();
    assert.equal(await till.locator('.attention-list li').count(), 1);
  });

  it('a supervisor marks it failed: refused without the right PIN, done with it', async () => {
    assert.ok(shell?.pin, 'the sandbox shell announces its supervisor PIN');
    const item = till.locator('.attention-list li').filter({ hasText: orderId });
    await item.getByRole('button', { name: 'Mark failed' }).click();
    const dialog = till.getByRole('dialog');
    await dialog.getByLabel('Reason').fill('The customer’s phone shows no payment');
    const wrong = shell.pin === '0000' ? '1111' : '0000';
    await dialog.getByLabel('Supervisor PIN').fill(wrong);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.getByRole('alert').waitFor();
    assert.equal(await item.count(), 1, 'a wrong PIN changes nothing');

    await dialog.getByLabel('Supervisor PIN').fill(shell.pin);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.waitFor({ state: 'detached' });
    await till.getByText('Nothing needs attention.').waitFor();
    assert.equal(await till.locator('.attention-list li').count(), 0);
    assert.equal(await till.locator('.banner-attention').count(), 0, 'the banner is gone');

    // History shows the attempt as a manual decision.
    await till.getByRole('button', { name: 'History' }).click();
    await till.getByLabel('Order id or text').fill(orderId);
    await till.getByRole('button', { name: 'Search' }).click();
    const row = till.locator(`tr[data-order-id="${orderId}"]`);
    await row.getByText('manual').waitFor();
  });
});

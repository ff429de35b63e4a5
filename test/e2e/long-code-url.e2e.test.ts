// Issue 22, finding 5: a gateway answer with a 2,600-character code_url made the QR component throw
// ("Data too long") and both pages rendered nothing, also after a reload. Now the till refuses such an
// answer at the gateway boundary as an unknown outcome (the order may exist at OTTPay, so it is checked
// until it closes, never lost), and a QR that still cannot be drawn (a journal row written before the
// cap) shows words instead of a blank page. Real shell, real simulator, real Chromium.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { SANDBOX_JOURNAL_FILE } from '../../electron/core/journal/journal-files.ts';
import {
  gotoTill,
  launchBrowser,
  openPage,
  type Shell,
  simulatorRequest,
  startShell,
  toNewSale,
} from './harness.ts';

describe('a code_url too long for a QR code', () => {
  let dataDir: string;
  let shell: Shell;
  let browser: Browser;
  let till: Page;
  let customer: Page;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'till-e2e-long-qr-'));
    shell = await startShell({ dataDir });
    browser = await launchBrowser();
    till = await openPage(browser, 1200, 900);
    customer = await openPage(browser, 800, 900);
    await gotoTill(till, shell);
    await customer.goto(shell.customerUrl);
    await till.getByLabel('Amount', { exact: true }).waitFor();
  });

  after(async () => {
    await browser?.close();
    await shell?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('from the gateway: no QR, cancelled at once with clear words on both screens, checked until the order closes', async () => {
    const fault = await simulatorRequest(shell, '/_sim/faults', {
      add: { mode: 'long_code_url', action: 'ACTIVEPAY' },
    });
    assert.equal(fault.status, 200, await fault.text());
    await toNewSale(till);
    await till.getByLabel('Amount', { exact: true }).fill('5.98'); // 98: the gateway closes the order after ~10 s
    await till.getByRole('button', { name: 'WeChat Pay' }).click();
    await till.getByText('The gateway sent a QR code too long to show').first().waitFor({ timeout: 20_000 });
    assert.equal(await till.getByTestId('qr').count(), 0);
    // No QR can be offered, so the attempt is cancelled at once: the customer display says so in words.
    await customer.locator('[data-phase="cancelled"]').getByText('Please ask the cashier').waitFor();
    assert.equal(await customer.getByTestId('qr').count(), 0);
    // The order exists at the gateway: it is not forgotten but resolved when OTTPay closes it.
    const orders = (await (await simulatorRequest(shell, '/_sim/orders')).json()) as Array<{
      amountCents: number;
    }>;
    assert.ok(orders.some((o) => o.amountCents === 598));
    await till
      .getByRole('heading', { name: /Not paid/ })
      .first()
      .waitFor({ timeout: 45_000 });
  });

  it('in a journal row from before the cap: words instead of a blank page on both screens, also after reload', async () => {
    await toNewSale(till);
    await till.getByLabel('Amount', { exact: true }).fill('7.00');
    await till.getByRole('button', { name: 'WeChat Pay' }).click();
    await customer.getByRole('heading', { name: 'Scan with WeChat Pay' }).waitFor();
    await till.getByTestId('qr').waitFor();
    // What a till before this fix journaled from such an answer (another process may write the journal).
    const db = new Database(join(dataDir, SANDBOX_JOURNAL_FILE));
    try {
      const changed = db
        .prepare(`UPDATE attempts SET qr_payload = ? WHERE state = 'awaiting_customer'`)
        .run(`weixin://wxpay/bizpayurl?pr=${'x'.repeat(2600)}`);
      assert.equal(changed.changes, 1);
    } finally {
      db.close();
    }
    await Promise.all([till.reload(), customer.reload()]);
    await till
      .getByTestId('qr-unusable')
      .getByText(/The QR code from the gateway cannot be shown/)
      .waitFor();
    await customer
      .getByTestId('qr-unusable')
      .getByText('This QR code cannot be shown. Please ask the cashier.')
      .waitFor();
    // The rest of both pages is there and works: the cashier cancels, OTTPay is asked.
    await customer.getByRole('heading', { name: 'Scan with WeChat Pay' }).waitFor();
    await till.getByRole('button', { name: 'Cancel' }).click();
    await till
      .getByRole('heading', { name: /Cancelling|Not paid|Checking/ })
      .first()
      .waitFor({ timeout: 20_000 });
  });
});

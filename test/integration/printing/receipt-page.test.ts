// The page a system printer prints (Electron's silent print), rendered by Chromium: the receipt's
// lines as text, and its QR, read from a screenshot, is our order id. Chromium also prints it to PDF,
// as a printer driver would receive it.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { receiptPageHtml } from '../../../electron/main/receipt-page.ts';
import { layoutReceipt } from '../../../shared/printing/receipt-layout.ts';
import { launchBrowser, readQr } from '../../e2e/harness.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

it('shows the receipt lines and a readable QR of our order id', async () => {
  const doc = layoutReceipt(
    {
      body: {
        kind: 'sale',
        orderId: '0MX2KA2EJ01EDD1',
        wallet: 'ALIPAY',
        walletTxnId: '2026113022001',
        currency: 'USD',
        amountCents: 4500,
        tipCents: 500,
        at: Date.UTC(2026, 10, 30, 17),
        cny: { rate: 7.1, payFen: null },
        refundedCents: 0,
      },
      copy: 'customer',
      language: 'en',
      shop: { name: 'Corner <Shop> & Co', address: '9 Main St', phone: '' },
      operatorId: '12',
      terminalNo: '3',
      sandbox: false,
      reprint: false,
    },
    48,
  );
  const page = await browser.newPage();
  await page.setContent(receiptPageHtml(doc));
  const text = await page.locator('body').innerText();
  assert.match(text, /Corner <Shop> & Co/);
  assert.match(text, /Total +USD 50\.00/);
  assert.match(text, /CNY +¥ 355\.00/);
  assert.equal(await readQr(page.locator('.qr')), 'OTR0MX2KA2EJ01EDD1');
  const pdf = await page.pdf({ width: '80mm' });
  assert.ok(pdf.subarray(0, 5).toString() === '%PDF-');
  assert.equal(await page.locator('script').count(), 0);
});

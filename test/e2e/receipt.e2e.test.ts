// The screen printer end to end: a new till (sandbox, no printer hardware) shows the receipt of its
// first sale as it would print; the receipt's QR, read from a Chromium screenshot, is our order id.
// The screenshot is kept (RECEIPT_SCREENSHOT=path) for a person to look at.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  openTillSession,
  readQr,
  simulatorRequest,
  type TillSession,
  toNewSale,
  typeAsScanner,
} from './harness.ts';

describe('screen printer', () => {
  let session: TillSession;
  let till: Page;
  let orderId = '';

  before(async () => {
    session = await openTillSession();
    ({ till } = session);
  });

  after(async () => {
    await session?.close();
  });

  it('shows the receipt of the first sale as it would print', async () => {
    await toNewSale(till);
    await till.getByLabel('Amount', { exact: true }).fill('12.34');
    await till.getByRole('button', { name: 'WeChat Pay' }).click();
    await till.getByRole('button', { name: 'Cancel' }).waitFor();
    // The customer's own currency under the amount, at the rate the till asked at start.
    const cny = session.customer.getByTestId('customer-cny');
    await cny.waitFor();
    assert.match(await cny.innerText(), /≈ ¥ 64\.17/);
    const orders = (await (await simulatorRequest(session.shell, '/_sim/orders')).json()) as Array<{
      orderId: string;
      status: string;
    }>;
    const order = orders.find((o) => o.status === 'init' || o.status === 'notpay');
    assert.ok(order, JSON.stringify(orders));
    const paid = await simulatorRequest(session.shell, `/_sim/orders/${order.orderId}/pay`, {});
    assert.equal(paid.status, 200, await paid.text());
    await till.getByRole('heading', { name: /Paid/ }).waitFor({ timeout: 20_000 });

    const paper = till.getByTestId('screen-printer').getByTestId('receipt-paper');
    await paper.waitFor();
    const text = (await paper.innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /SANDBOX — NOT A PAYMENT/);
    assert.match(text, new RegExp(`Order +${order.orderId}`));
    assert.match(text, /Total +CAD 12\.34/);
    assert.match(text, /Rate +1 CAD = 5\.2000 CNY/);
    assert.equal(await readQr(paper.locator('.receipt-qr')), `OTR${order.orderId}`);
    if (process.env.RECEIPT_SCREENSHOT) await paper.screenshot({ path: process.env.RECEIPT_SCREENSHOT });
    orderId = order.orderId;
  });

  it('opens that payment for a refund when its receipt is scanned on the history screen', async () => {
    await till.getByTestId('screen-printer').getByRole('button', { name: 'Close' }).click();
    await till.getByRole('button', { name: 'History' }).click();
    await till.getByRole('heading', { name: 'History' }).waitFor();
    await typeAsScanner(till, `OTR${orderId}`);
    await till.getByText(`Refund ${orderId}`).waitFor();
    assert.equal(await till.locator('tr[data-order-id]').count(), 1);
    await till.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  });

  it('puts the RMB amount first on a customer display in Chinese', async () => {
    await till.getByRole('button', { name: 'Settings' }).click();
    await till.getByLabel('Customer language').selectOption('zh');
    await till.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = till.getByRole('dialog');
    await dialog.getByLabel('Supervisor PIN').fill(session.shell.pin ?? '1234');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await till.getByRole('status').filter({ hasText: /saved/i }).waitFor();
    await till.getByRole('button', { name: 'Sale', exact: true }).click();
    await toNewSale(till);
    await till.getByLabel('Amount', { exact: true }).fill('20.00');
    await till.getByRole('button', { name: 'Alipay' }).click();
    const customer = session.customer;
    // Measured on the QR screen itself: while the amount is still being keyed the display shows it
    // too, and that screen is replaced as the QR arrives.
    await customer.getByTestId('qr').waitFor();
    const cny = customer.getByTestId('customer-cny');
    await cny.waitFor();
    await customer.getByTestId('customer-amount').waitFor();
    assert.match(await cny.innerText(), /约 ¥ 104\.00/);
    // Chinese first: the RMB amount above the merchant's amount.
    const cnyBox = await cny.boundingBox();
    const amountBox = await customer.getByTestId('customer-amount').boundingBox();
    assert.ok(cnyBox && amountBox && cnyBox.y < amountBox.y, 'the RMB amount comes first');
    if (process.env.CUSTOMER_SCREENSHOT) await customer.screenshot({ path: process.env.CUSTOMER_SCREENSHOT });
    await till.getByRole('button', { name: 'Cancel' }).click();
  });
});

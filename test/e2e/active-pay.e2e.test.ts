// Active pay end to end: amount on the till, QR on the customer display read from a screenshot, the
// decoded URL opened like a phone on the simulator's wallet page, Pay pressed, "Paid" on both screens.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openTillSession, readQr, type TillSession, toNewSale } from './harness.ts';

describe('active pay (customer scans our QR)', () => {
  let session: TillSession | undefined;
  let browser: Browser;
  let till: Page;
  let customer: Page;

  before(async () => {
    session = await openTillSession();
    ({ browser, till, customer } = session);
  });

  after(async () => {
    await session?.close();
  });

  it('shows the sandbox badge on the till and on the customer display', async () => {
    await till.getByText('Sandbox — no real money').waitFor();
    await customer.getByText('Sandbox — no real money').waitFor();
    await customer.getByRole('heading', { name: 'Welcome' }).waitFor();
  });

  it('takes a WeChat Pay payment from amount to Paid, paid from the QR like a phone', async () => {
    await toNewSale(till);
    await till.getByLabel('Amount', { exact: true }).fill('12.34');
    await till.getByRole('button', { name: 'WeChat Pay' }).click();

    await customer.getByRole('heading', { name: 'Scan with WeChat Pay' }).waitFor();
    assert.equal(await customer.getByTestId('customer-amount').textContent(), '$12.34');
    const url = await readQr(customer.getByTestId('qr'));
    assert.match(url, /^https?:\/\//, `the QR should encode the wallet page URL, got ${url}`);
    await till.getByRole('button', { name: 'Cancel' }).waitFor();

    const phone = await browser.newPage();
    try {
      await phone.goto(url);
      await phone.getByRole('button', { name: 'Pay', exact: true }).click();
      await till.getByRole('heading', { name: /Paid/ }).waitFor({ timeout: 20_000 });
    } finally {
      await phone.close();
    }
    const orderId = (await till.getByTestId('order-id').textContent()) ?? '';
    assert.match(orderId, /^[A-Za-z0-9]{1,20}$/);
    assert.equal(await till.getByTestId('status-amount').textContent(), '$12.34');
    await customer.getByText('Paid — thank you!').waitFor();
  });

  it('cancels an active payment by keyboard (A, then Esc): no QR any more, resolved with OTTPay as not paid', async () => {
    await toNewSale(till);
    await till.getByLabel('Amount', { exact: true }).fill('5.98'); // 98: the gateway closes the order after ~10 s
    await till.keyboard.press('a');
    await customer.getByRole('heading', { name: 'Scan with Alipay' }).waitFor();
    await till.getByRole('heading', { name: /with Alipay/ }).waitFor();
    await till.keyboard.press('Escape');
    // Cancelling is not the end: the till keeps asking OTTPay (the customer may have paid already).
    await till.getByRole('heading', { name: 'Cancelling — checking with OTTPay…' }).waitFor();
    await customer.getByTestId('qr').waitFor({ state: 'detached' });
    assert.equal(
      await till.getByRole('button', { name: 'Alipay' }).count(),
      0,
      'no new charge is offered meanwhile',
    );
    await till.getByRole('heading', { name: /Not paid/ }).waitFor({ timeout: 40_000 });
    await till.getByRole('button', { name: 'New sale' }).click();
    await till.getByLabel('Amount', { exact: true }).waitFor();
    await customer.getByRole('heading', { name: 'Welcome' }).waitFor();
  });
});

// A POS payment as the cashier and the customer see it: the shop's POS sends the amount over the local
// POS API; the till's QR screen and the customer display show it marked "From POS · ref …"; the QR read
// from the customer display's screenshot opens the wallet page, where the phone pays; both screens say
// Paid and the POS learns it; the cashier can cancel a POS payment from the till; History finds the
// POS's reference.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type PosClient, posClient } from '../support/pos-api-client.ts';
import {
  feedCoreWedgeKeys,
  gotoTill,
  launchBrowser,
  openPage,
  readQr,
  type Shell,
  startShell,
  walletCode,
} from './harness.ts';

const KEY = 'e2e-pos-key-0123456789abcdef';

describe('POS API at the counter', () => {
  let shell: Shell;
  let browser: Browser;
  let till: Page;
  let customer: Page;

  let client: PosClient;
  /** A scripted POS: every answer checked against the API's openapi.json. */
  const pos = async (method: string, path: string, body?: unknown, idem?: string) => {
    const r = await client.call(method, path, {
      ...(body === undefined ? {} : { body }),
      ...(idem === undefined ? {} : { idem }),
    });
    return { status: r.status, body: r.body ?? {} };
  };

  before(async () => {
    shell = await startShell({ extraArgs: ['--pos-api-port', '0', '--pos-api-key', KEY] });
    assert.match(shell.posApiUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
    client = await posClient(shell.posApiUrl ?? '', KEY);
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
  });

  it('the cashier cancels a POS payment from the till: the POS hears it', async () => {
    const created = await pos(
      'POST',
      '/v1/payments',
      { amountCents: 500, method: 'ALIPAY', reference: 'T-8' },
      'e2e-1',
    );
    assert.equal(created.status, 201);
    await till.getByText('From POS · ref T-8').waitFor();
    await customer.getByText('From POS · ref T-8').waitFor();
    await till.getByRole('button', { name: 'Cancel' }).click();
    await customer.getByRole('heading', { name: 'Scan with Alipay' }).waitFor({ state: 'detached' });
    const after = await pos('GET', `/v1/payments/${created.body.id}`);
    assert.ok(['checking', 'cancelled'].includes(String(after.body.state)), JSON.stringify(after.body));
    // The customer walks away: the gateway closes the order, the POS learns "cancelled".
    await fetch(`${String(created.body.codeUrl)}/cancel`, { method: 'POST' });
    let state = after.body.state;
    for (let i = 0; i < 6 && state !== 'cancelled'; i++)
      state = (await pos('GET', `/v1/payments/${created.body.id}?wait=10`)).body.state;
    assert.equal(state, 'cancelled');
  });

  it('pays a POS payment from the QR on the customer display, Paid on both screens and at the POS', async () => {
    // A cancelled sale on screen makes way for the POS's next payment.
    const created = await pos(
      'POST',
      '/v1/payments',
      { amountCents: 1234, method: 'WECHATPAY', reference: 'T-9' },
      'e2e-2',
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await till.getByText('From POS · ref T-9').waitFor();
    await customer.getByRole('heading', { name: 'Scan with WeChat Pay' }).waitFor();
    await customer.getByText('From POS · ref T-9').waitFor();
    assert.equal(await customer.getByTestId('customer-amount').textContent(), '$12.34');
    const url = await readQr(customer.getByTestId('qr'));
    assert.equal(url, created.body.codeUrl);

    const phone = await browser.newPage();
    await phone.goto(url);
    await phone.getByRole('button', { name: 'Pay' }).click();
    await phone.close();

    await till.getByText('Paid', { exact: false }).first().waitFor();
    await customer.getByText('Paid — thank you!').waitFor();
    const paid = await pos('GET', `/v1/payments/${created.body.id}?wait=10`);
    assert.equal(paid.body.state, 'paid');

    await till.getByRole('button', { name: 'History', exact: true }).click();
    await till.getByLabel('Order id or text').fill('T-9');
    await till.getByLabel('Order id or text').press('Enter');
    await till.locator(`tr[data-order-id="${String(paid.body.orderId)}"]`).waitFor();
  });
  it('a SCAN payment waits for the customer’s code from a scanner at the till, then the POS hears paid', async () => {
    const created = await pos(
      'POST',
      '/v1/payments',
      { amountCents: 650, method: 'SCAN', reference: 'T-10' },
      'e2e-3',
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.state, 'waiting');
    await till.getByRole('button', { name: 'Sale', exact: true }).click();
    await till.getByText('Scan the customer’s payment code now').waitFor();
    await till.getByText('From POS · ref T-10').waitFor();
    await customer.getByText('Please show your payment code to the cashier').waitFor();
    // A keyboard-wedge scanner types the code; the core's detector reads it (the till's scan path).
    await feedCoreWedgeKeys(shell, walletCode('ALIPAY'));
    let body = created.body;
    for (let i = 0; i < 6 && body.state !== 'paid'; i++)
      body = (await pos('GET', `/v1/payments/${created.body.id}?wait=10`)).body;
    assert.equal(body.state, 'paid');
    assert.equal(body.wallet, 'ALIPAY');
    await customer.getByText('Paid — thank you!').waitFor();
  });
});

// Refund behind the supervisor PIN, the language switch (operator and customer separately), and the
// customer display's read-only role.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  enterCodeByHand,
  feedCoreWedgeKeys,
  openTillSession,
  type Shell,
  type TillSession,
  toNewSale,
  typeAsScanner,
  walletCode,
} from './harness.ts';

describe('supervisor actions and the customer display', () => {
  let session: TillSession | undefined;
  let shell: Shell;
  let till: Page;
  let customer: Page;
  let pin: string;

  before(async () => {
    session = await openTillSession();
    ({ shell, till, customer } = session);
    assert.ok(shell.pin, 'the sandbox shell announces its supervisor PIN');
    pin = shell.pin;
  });

  after(async () => {
    await session?.close();
  });

  it('refunds part of a paid sale from history, only with the supervisor PIN', async () => {
    await toNewSale(till);
    await till.getByLabel('Amount', { exact: true }).fill('20.00');
    await till.getByRole('button', { name: 'Scan customer code' }).click();
    await till.getByRole('heading', { name: /Scan the customer’s payment code/ }).waitFor();
    await enterCodeByHand(till, walletCode('WECHATPAY'));
    await till.getByRole('heading', { name: /Paid/ }).waitFor({ timeout: 20_000 });
    const orderId = (await till.getByTestId('order-id').textContent()) ?? '';

    await till.getByRole('button', { name: 'History' }).click();
    await till.getByLabel('Order id or text').fill(orderId);
    await till.getByRole('button', { name: 'Search' }).click();
    const row = till.locator(`tr[data-order-id="${orderId}"]`);
    await row.getByRole('button', { name: 'Refund' }).click();
    const dialog = till.getByRole('dialog');
    await dialog.getByLabel('Refund amount').fill('5.00');
    const wrong = pin === '0000' ? '1111' : '0000';
    await dialog.getByLabel('Supervisor PIN').fill(wrong);
    await dialog.getByRole('button', { name: 'Refund', exact: true }).click();
    await dialog.getByRole('alert').waitFor();
    assert.equal(await row.getByText(/Refunded/).count(), 0, 'a wrong PIN refunds nothing');

    await dialog.getByLabel('Supervisor PIN').fill(pin);
    await dialog.getByRole('button', { name: 'Refund', exact: true }).click();
    await till.getByRole('status').filter({ hasText: 'Refund of $5.00' }).waitFor({ timeout: 20_000 });
    await row.getByText('Refunded $5.00').waitFor({ timeout: 20_000 });
    await row.getByRole('button', { name: 'Refund' }).waitFor(); // $15.00 is still refundable

    // The day's report counts the sale and its refund, with a chart by wallet.
    await till.getByRole('button', { name: "Today's report" }).click();
    await till.getByRole('img', { name: 'Net by wallet' }).waitFor();
    assert.equal(await till.getByTestId('report-gross').textContent(), '$20.00');
    await till.getByRole('cell', { name: 'WeChat Pay' }).waitFor();
  });

  it('switches the operator and the customer language separately', async () => {
    await till.getByRole('button', { name: 'Sale', exact: true }).click();
    await toNewSale(till);
    await customer.getByRole('heading', { name: 'Welcome' }).waitFor();
    await till.getByRole('button', { name: 'Settings' }).click();
    await till.getByLabel('Operator language').selectOption('fr');
    await till.getByLabel('Customer language').selectOption('zh');
    await till.getByRole('button', { name: 'Save', exact: true }).click();
    await till.getByRole('dialog').getByLabel('Supervisor PIN').fill(pin);
    await till.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await till.getByRole('button', { name: 'Vente' }).waitFor();
    await customer.getByRole('heading', { name: '欢迎光临' }).waitFor();
    await customer.getByText('沙盒 — 非真实资金').waitFor();

    await till.getByRole('button', { name: 'Vente' }).click();
    await till.getByLabel('Montant', { exact: true }).waitFor();
    await till.getByRole('button', { name: 'Scanner le code du client' }).waitFor();

    // Scan refusals in the operator's language: one the page's own detector submitted…
    await typeAsScanner(till, walletCode('WECHATPAY'));
    await till.getByRole('alert').filter({ hasText: 'Aucun paiement n’attend de code' }).waitFor();
    // …and one the core read itself (Electron's key feed, a serial scanner) and pushed to the page.
    await till.getByLabel('Montant', { exact: true }).fill('2.50');
    await till.getByRole('button', { name: 'Scanner le code du client' }).click();
    await till.getByRole('heading', { name: /Scannez maintenant le code de paiement/ }).waitFor();
    await feedCoreWedgeKeys(shell, '4006381333931'); // an EAN-13 product barcode
    await till
      .getByRole('alert')
      .filter({ hasText: 'Un code-barres de produit, pas un code de paiement' })
      .waitFor();
    await till.getByRole('button', { name: 'Annuler' }).click();
    await till.getByLabel('Montant', { exact: true }).waitFor();

    // Back to English for the operator; the customer keeps Chinese.
    await till.getByRole('button', { name: 'Paramètres' }).click();
    await till.getByLabel('Langue de l’opérateur').selectOption('en');
    await till.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await till.getByRole('dialog').getByLabel('NIP du superviseur').fill(pin);
    await till.getByRole('dialog').getByRole('button', { name: 'Confirmer' }).click();
    await till.getByRole('button', { name: 'Sale', exact: true }).waitFor();
    await customer.getByRole('heading', { name: '欢迎光临' }).waitFor();
  });

  it('the customer display has no control and cannot invoke any command', async () => {
    assert.equal(await customer.locator('button, input, select, textarea, a[href]').count(), 0);
    const probe = await customer.evaluate(`(async () => {
      const post = (path) =>
        fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then((r) => r.status);
      return {
        hasTillApi: window.till !== undefined,
        saleNew: await post('/api/command/sale.new'),
        settings: await post('/api/command/settings.get'),
        viaCustomer: await post('/customer/command/sale.new'),
        tillEvents: await fetch('/api/events').then((r) => r.status),
      };
    })()`);
    assert.deepEqual(probe, {
      hasTillApi: false,
      saleNew: 401,
      settings: 401,
      viaCustomer: 403,
      tillEvents: 401,
    });
  });

  it('the customer display hears only its projection: no settings, ids or secrets', async () => {
    const firstEvent = (await customer.evaluate(`new Promise((resolve) => {
      const source = new EventSource('/customer/events');
      const take = (e) => {
        source.close();
        resolve(e.type + ':' + e.data);
      };
      source.addEventListener('customer.view', take);
      source.addEventListener('till.snapshot', take);
      source.onmessage = take;
    })`)) as string;
    assert.match(firstEvent, /^customer\.view:/);
    const view = JSON.parse(firstEvent.slice('customer.view:'.length)) as Record<string, unknown>;
    assert.deepEqual(Object.keys(view).sort(), [
      'amountCents',
      'currency',
      'expiresAt',
      'language',
      'pairing',
      'phase',
      'qrPayload',
      'sandbox',
      'wallet',
    ]);
    // A display nobody paired watches the sale but is told so (and never gets the tip ask's id).
    assert.equal(view.pairing, 'unpaired');
  });
});

// The counter under pressure: a payment that is not final never traps the till. Cancelling a QR, a QR
// that expires unscanned, and the "checking" states of scenarios 95/96/97 can all be set aside at once;
// the next sale starts while the core keeps resolving the old attempt, the amount screen shows that it
// may still land, and a late payment is announced as needing attention. The customer display says
// "Cancelled" the moment the cashier cancels.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  openTillSession,
  readQr,
  type Shell,
  simulatorRequest,
  type TillSession,
  tillCommand,
  toNewSale,
} from './harness.ts';

describe('set aside: the next sale at once, the old payment resolved in the background', () => {
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

  const amountField = () => till.getByLabel('Amount', { exact: true });
  const nextSale = () => till.getByRole('button', { name: 'Next sale', exact: true });

  it('cancel a QR: "Cancelled" on the customer display, the next sale at once, a late payment flagged', async () => {
    await toNewSale(till);
    await amountField().fill('12.34');
    await till.keyboard.press('w');
    await customer.getByRole('heading', { name: 'Scan with WeChat Pay' }).waitFor();
    const url = await readQr(customer.getByTestId('qr'));
    await till.getByRole('button', { name: 'Cancel' }).click();

    await customer.getByRole('heading', { name: 'Payment cancelled' }).waitFor();
    assert.equal(await customer.getByTestId('qr').count(), 0);
    await till.getByRole('heading', { name: 'Cancelling — checking with OTTPay…' }).waitFor();
    await till.keyboard.press('Enter');
    await amountField().waitFor();
    assert.equal(await amountField().inputValue(), '', 'the amount set aside is not keyed for the next sale');

    // The next charge is offered only beside the payment that may still land.
    const pending = till.getByTestId('background-checks');
    await pending.waitFor();
    assert.match((await pending.textContent()) ?? '', /\$12\.34.*WeChat Pay/);
    // The customer is still told it is cancelled, until the next amount is keyed.
    await customer.getByRole('heading', { name: 'Payment cancelled' }).waitFor();
    await amountField().fill('1');
    await customer.getByText('Total').waitFor();
    await amountField().fill('');
    await customer.getByRole('heading', { name: 'Welcome' }).waitFor();

    // The customer pays the withdrawn QR after all: the till says so and it needs a person.
    const phone = await browser.newPage();
    try {
      await phone.goto(url);
      await phone.getByRole('button', { name: 'Pay', exact: true }).click();
    } finally {
      await phone.close();
    }
    const banner = till.getByRole('button', { name: /payment.* need/ });
    await banner.waitFor({ timeout: 20_000 });
    await pending.waitFor({ state: 'detached' });
    await banner.click();
    await till.getByText(/Paid after it was cancelled.*refund the customer/).waitFor();
    await till.getByRole('button', { name: 'Sale', exact: true }).click();
  });

  for (const { cents, what } of [
    { cents: '7.96', what: 'HTTP 500 with a garbage body (96)' },
    { cents: '7.97', what: 'an answer that does not verify (97)' },
  ]) {
    it(`no QR could be shown after ${what}: the cashier is told at once and moves on`, async () => {
      await toNewSale(till);
      await amountField().fill(cents);
      await till.keyboard.press('a');
      await till.getByRole('heading', { name: 'No QR code could be shown' }).waitFor({ timeout: 20_000 });
      await customer.getByRole('heading', { name: 'Checking the payment — please wait' }).waitFor();
      assert.equal(
        await customer.getByText('Please confirm the payment on your phone').count(),
        0,
        'nothing to confirm on a phone when no QR was shown',
      );
      await nextSale().click();
      await amountField().waitFor();
      await customer.getByRole('heading', { name: 'Payment cancelled' }).waitFor();
      await till.getByTestId('background-checks').getByText(`$${cents}`).waitFor();
    });
  }

  it('a system error whose order is paid (94), set aside while OTTPay cannot be asked, lands as a late payment', async () => {
    assert.ok(session);
    const faults = (body: unknown) => simulatorRequest(session?.shell as Shell, '/_sim/faults', body);
    // Every status query is cut while the cashier decides: the outcome stays unknown.
    assert.equal((await faults({ add: { mode: 'drop', action: 'STATUS_QUERY', count: 1000 } })).status, 200);
    await toNewSale(till);
    await amountField().fill('8.94');
    await till.keyboard.press('a');
    await till.getByRole('heading', { name: 'No QR code could be shown' }).waitFor({ timeout: 20_000 });
    await customer.getByRole('heading', { name: 'Checking the payment — please wait' }).waitFor();
    await nextSale().click();
    await amountField().waitFor();
    const pending = till.getByTestId('background-checks');
    await pending.getByText('$8.94').waitFor();

    // OTTPay answers again; asked now, it says paid: the till says so, and it needs a person.
    assert.equal((await faults({ next: [] })).status, 200);
    const aside = pending.locator('li', { hasText: '$8.94' });
    await aside.getByRole('button', { name: 'Check now' }).click();
    await aside.waitFor({ state: 'detached', timeout: 20_000 });
    await till.getByRole('button', { name: /payment.* need/ }).click();
    await till
      .locator('.attention-list li', { hasText: '$8.94' })
      .getByText(/Paid after it was cancelled/)
      .waitFor();
    await till.getByRole('button', { name: 'Sale', exact: true }).click();
  });

  it('a pay request with no answer yet (95) can be set aside while it is still being sent', async () => {
    await toNewSale(till);
    await amountField().fill('3.95');
    await till.keyboard.press('u');
    await till.getByRole('heading', { name: 'Processing…' }).waitFor();
    await customer.getByRole('heading', { name: 'Checking the payment — please wait' }).waitFor();
    await nextSale().click();
    await amountField().waitFor();
    await till.getByTestId('background-checks').getByText('$3.95').waitFor();
  });

  it('a QR that expires unscanned: "Cancelled" for the customer, the next sale at once', async () => {
    assert.ok(session);
    // The shortest QR life the settings allow, set through the same command the settings screen uses.
    const answer = await tillCommand(session.shell, 'settings.update', {
      patch: { qrExpirySeconds: 30 },
      pin: session.shell.pin,
    });
    assert.equal(answer.ok, true, JSON.stringify(answer));

    await toNewSale(till);
    await amountField().fill('4.20');
    await till.keyboard.press('w');
    await customer.getByTestId('customer-countdown').waitFor();
    assert.match(
      (await customer.getByTestId('customer-countdown').textContent()) ?? '',
      /Code valid for \d+ s/,
    );
    await customer.getByRole('heading', { name: 'Payment cancelled' }).waitFor({ timeout: 45_000 });
    assert.equal(await customer.getByTestId('qr').count(), 0);
    await nextSale().click();
    await amountField().waitFor();
    await till.getByTestId('background-checks').getByText('$4.20').waitFor();
  });
});

// Issue 15, item 5: a keyboard flow a cashier can trust — a wallet code scanned on the amount screen
// pays that amount; Space activates buttons and checkboxes; pay shortcuts keep working after a tip
// button; "Custom tip" puts the caret in its field; Esc closes dialogs; the typed amount survives
// Cancel on the scan screen and a tab switch; and at small till screens nothing needed for a sale is
// below the fold.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  enterCodeByHand,
  newestSimOrder,
  openPage,
  openTillSession,
  simulatorRequest,
  type TillSession,
  toNewSale,
  typeAsScanner,
  walletCode,
} from './harness.ts';

const amountField = (page: Page) => page.getByLabel('Amount', { exact: true });
const focusedLabel = (page: Page) =>
  page.evaluate(
    '(document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.id ?? "") + ""',
  ) as Promise<string>;

describe('keyboard flow at the counter', () => {
  let session: TillSession | undefined;
  let till: Page;

  before(async () => {
    session = await openTillSession();
    ({ till } = session);
  });

  after(async () => {
    await session?.close();
  });

  it('a wallet code scanned on the amount screen pays the amount entered, even when the scanner paused after its first digit', async () => {
    if (!session) throw new Error('no session');
    await toNewSale(till);
    await amountField(till).fill('12');
    // The first digit goes to the field before the pause ("121") and is taken back when the scan goes on.
    await typeAsScanner(till, walletCode('WECHATPAY'), 3, { after: 1, ms: 90 });
    await till.getByRole('heading', { name: /Paid/ }).waitFor({ timeout: 20_000 });
    assert.equal(await till.getByTestId('status-amount').textContent(), '$12.00');
    const order = await newestSimOrder(session.shell);
    assert.equal(order.amountCents + order.tipCents, 1200);
  });

  it('a used code scanned on the amount screen is refused out loud, and the sale waits for a good one', async () => {
    await toNewSale(till);
    const code = walletCode('ALIPAY');
    await amountField(till).fill('4');
    await typeAsScanner(till, code);
    await till.getByRole('heading', { name: /Paid/ }).waitFor({ timeout: 20_000 });
    await toNewSale(till);
    await amountField(till).fill('5');
    await typeAsScanner(till, code);
    await till.getByText(/already used|counted once/).waitFor();
    await till.getByRole('heading', { name: /Scan the customer’s payment code/ }).waitFor();
    await till.getByRole('button', { name: 'Cancel' }).click();
    await amountField(till).waitFor();
  });

  it('Space activates a focused tip button and a settings checkbox', async () => {
    await toNewSale(till);
    const tip = till.getByRole('button', { name: '15%' });
    await tip.focus();
    await till.keyboard.press('Space');
    assert.equal(await tip.getAttribute('aria-pressed'), 'true');
    await till.getByRole('button', { name: 'No tip' }).focus();
    await till.keyboard.press('Space');
    assert.equal(await tip.getAttribute('aria-pressed'), 'false');

    await till.getByRole('button', { name: 'Settings' }).click();
    const sounds = till.getByRole('checkbox', { name: 'Sounds' });
    const before = await sounds.isChecked();
    await sounds.focus();
    await till.keyboard.press('Space');
    assert.equal(await sounds.isChecked(), !before);
    await till.getByRole('button', { name: 'Sale' }).click();
  });

  it('W works right after a tip button was clicked, and charges amount plus tip', async () => {
    if (!session) throw new Error('no session');
    await toNewSale(till);
    await amountField(till).fill('20.00');
    await till.getByRole('button', { name: '15%' }).click();
    await till.keyboard.press('w');
    await till.getByRole('heading', { name: /with WeChat Pay/ }).waitFor();
    assert.equal(await till.getByTestId('qr-amount').textContent(), '$23.00');
    const order = await newestSimOrder(session.shell);
    await simulatorRequest(session.shell, `/_sim/orders/${order.orderId}/pay`, {});
    await till.getByRole('heading', { name: /Paid/ }).waitFor({ timeout: 20_000 });
  });

  it('Enter works right after a tip button was clicked; Cancel on the scan screen keeps the typed amount and tip', async () => {
    await toNewSale(till);
    await amountField(till).fill('33.21');
    await till.getByRole('button', { name: '10%' }).click();
    await till.keyboard.press('Enter');
    await till.getByRole('heading', { name: /Scan the customer’s payment code/ }).waitFor();
    await till.getByRole('button', { name: 'Cancel' }).click();
    await amountField(till).waitFor();
    assert.equal(await amountField(till).inputValue(), '33.21');
    assert.equal(await till.getByRole('button', { name: '10%' }).getAttribute('aria-pressed'), 'true');
  });

  it('the typed amount survives a tab switch', async () => {
    await toNewSale(till);
    await amountField(till).fill('44.32');
    await till.getByRole('button', { name: 'History' }).click();
    await till.getByRole('button', { name: 'Sale' }).click();
    assert.equal(await amountField(till).inputValue(), '44.32');
    await amountField(till).press('Escape'); // Esc empties the amount for the next tests
    assert.equal(await amountField(till).inputValue(), '');
  });

  it('a sale that ends (here declined) leaves the next sale empty', async () => {
    await toNewSale(till);
    await amountField(till).fill('5.99'); // 99: declined
    await till.keyboard.press('Enter');
    await enterCodeByHand(till, walletCode('ALIPAY'));
    await till.getByRole('button', { name: 'Try again' }).waitFor({ timeout: 20_000 });
    await toNewSale(till);
    assert.equal(await amountField(till).inputValue(), '');
  });

  it('"Custom tip" puts the caret in its field', async () => {
    await toNewSale(till);
    await till.getByRole('button', { name: 'Custom tip' }).click();
    assert.equal(await focusedLabel(till), 'Custom tip amount');
    await till.getByRole('button', { name: 'No tip' }).click();
  });

  it('Esc closes the refund dialog with the caret in its amount field', async () => {
    await toNewSale(till);
    await amountField(till).fill('7.25');
    await till.getByRole('button', { name: 'Scan customer code' }).click();
    await enterCodeByHand(till, walletCode('ALIPAY'));
    await till.getByRole('heading', { name: /Paid/ }).waitFor({ timeout: 20_000 });
    await till.getByRole('button', { name: 'History' }).click();
    await till.getByRole('button', { name: 'Refund' }).first().click();
    const dialog = till.getByRole('dialog');
    await dialog.waitFor();
    await till.getByLabel('Refund amount').focus();
    await till.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await till.getByRole('button', { name: 'Sale' }).click();
  });

  for (const [width, height] of [
    [1024, 768],
    [800, 600],
  ] as const) {
    it(`at ${width}×${height} the tips, the total and every pay button are above the fold`, async () => {
      if (!session) throw new Error('no session');
      const page = await openPage(session.browser, width, height);
      try {
        await page.goto(session.shell.tillUrl);
        await toNewSale(page);
        await amountField(page).fill('12.34');
        // A refused scan's notice above the screen (it happens every hour) must not push them out.
        await typeAsScanner(page, '4006381333931'); // a product barcode, refused while no one pays
        await page.getByText('A product barcode, not a payment code', { exact: false }).waitFor();
        const needed = [
          page.getByRole('button', { name: 'No tip' }),
          page.getByRole('button', { name: 'Custom tip' }),
          page.getByTestId('total'),
          page.getByRole('button', { name: 'WeChat Pay' }),
          page.getByRole('button', { name: 'Alipay' }),
          page.getByRole('button', { name: 'UnionPay' }),
          page.getByRole('button', { name: 'Scan customer code' }),
        ];
        for (const el of needed) {
          const box = await el.boundingBox();
          assert.ok(box, 'shown');
          assert.ok(
            box.y >= 0 && box.y + box.height <= height && box.x + box.width <= width,
            `${await el.textContent()} at ${JSON.stringify(box)} is outside ${width}×${height}`,
          );
        }
        assert.equal(await page.evaluate('window.scrollY'), 0);
      } finally {
        await page.context().close();
      }
    });
  }
});

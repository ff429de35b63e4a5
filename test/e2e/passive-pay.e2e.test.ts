// Passive pay end to end: the customer's payment code arrives as fast key presses (a keyboard-wedge
// scanner); declines, a new attempt after a decline, and an unknown outcome resolved by OTTPay.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  openTillSession,
  pollUntil,
  type TillSession,
  toNewSale,
  typeAsScanner,
  walletCode,
} from './harness.ts';

// Page-side code is passed as text: this project's Node typecheck has no DOM library.
/** Records every heading the till shows, so a short-lived state can be asserted afterwards. */
async function recordHeadings(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.seenHeadings = [];
    const note = () => {
      for (const h of document.querySelectorAll('h2')) {
        const text = h.textContent ?? '';
        if (window.seenHeadings.at(-1) !== text) window.seenHeadings.push(text);
        // While the outcome is unknown, nothing may offer to charge again.
        if (text === 'Checking with OTTPay…') {
          const offers = [...document.querySelectorAll('button')].filter((b) =>
            /WeChat Pay|Alipay|UnionPay|Scan customer code|Try again/.test(b.textContent ?? ''),
          );
          if (offers.length > 0) window.seenHeadings.push('OFFERED A NEW CHARGE');
        }
      }
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
}

async function seenHeadings(page: Page): Promise<string[]> {
  return (await page.evaluate('window.seenHeadings')) as string[];
}

async function startPassive(page: Page, amount: string): Promise<void> {
  await toNewSale(page);
  await page.getByLabel('Amount', { exact: true }).fill(amount);
  await page.keyboard.press('Enter'); // Enter charges: scan the customer's code
  await page.getByRole('heading', { name: /Scan the customer’s payment code/ }).waitFor();
}

describe('passive pay (we scan the customer code)', () => {
  let session: TillSession | undefined;
  let till: Page;
  let customer: Page;

  before(async () => {
    session = await openTillSession();
    ({ till, customer } = session);
  });

  after(async () => {
    await session?.close();
  });

  it('a wedge scan on the amount screen never lands in the Amount field', async () => {
    await toNewSale(till);
    const amount = till.getByLabel('Amount', { exact: true });
    await amount.focus();
    await typeAsScanner(till, walletCode('WECHATPAY'));
    await till.getByRole('alert').first().waitFor();
    assert.equal(await amount.inputValue(), '');
    // A person typing is still let through.
    await till.keyboard.type('42.5', { delay: 150 });
    await pollUntil(async () => (await amount.inputValue()) === '42.5', 'the typed amount reaches the field');
  });

  it('takes a scanned WeChat Pay code to Paid; the scan keys never reach a field', async () => {
    await startPassive(till, '8.88');
    await customer.getByText('Please show your payment code to the cashier').waitFor();
    await typeAsScanner(till, walletCode('WECHATPAY'));
    await till.getByRole('heading', { name: /Paid/ }).waitFor({ timeout: 20_000 });
    assert.equal(await till.getByTestId('status-amount').textContent(), '$8.88');
    await till.getByText('WeChat Pay', { exact: true }).waitFor();
    await customer.getByText('Paid — thank you!').waitFor();
  });

  it('typed on the keyboard then Enter: waits for the code; Esc cancels it, nothing charged', async () => {
    await toNewSale(till);
    await till.keyboard.type('3.21', { delay: 20 }); // a quick person on the numpad, not a scanner
    await till.keyboard.press('Enter');
    await till.getByRole('heading', { name: /Scan the customer’s payment code/ }).waitFor();
    assert.equal(await till.locator('.big-amount').textContent(), '$3.21');
    await customer.getByText('Please show your payment code to the cashier').waitFor();
    await till.keyboard.press('Escape');
    // Back on the amount screen the typed amount is kept, ready to charge again, and the customer is
    // no longer asked for a code: the display shows it as the amount being keyed.
    const amount = till.getByLabel('Amount', { exact: true });
    await amount.waitFor();
    assert.equal(await amount.inputValue(), '3.21');
    await customer.locator('[data-phase="entering"]').waitFor();
    assert.equal(await customer.getByTestId('customer-amount').textContent(), '$3.21');
    // A second Esc clears the amount: the customer display is back to its welcome.
    await till.keyboard.press('Escape');
    await customer.getByRole('heading', { name: 'Welcome' }).waitFor();
    assert.equal(await amount.inputValue(), '');
  });

  it('takes a code with an unknown prefix once the operator names its wallet', async () => {
    await startPassive(till, '6.10');
    const field = till.getByLabel('Payment code', { exact: true });
    await field.fill('771234567890123456');
    assert.equal((await till.getByTestId('detected-wallet').textContent())?.trim(), '');
    await till.getByLabel('Wallet', { exact: true }).selectOption('ALIPAY');
    await till.getByText('Detected: Alipay').waitFor();
    await till.getByRole('button', { name: 'Submit code' }).click();
    // Sent as Alipay; the sandbox, like the wallet, does not know the code and declines it.
    await till.getByRole('heading', { name: /Declined/ }).waitFor({ timeout: 20_000 });
    await till.getByText('Alipay', { exact: true }).waitFor();
  });

  it('shows a decline in plain words; "Try again" is a new attempt with a new order id', async () => {
    await startPassive(till, '7.99');
    await typeAsScanner(till, walletCode('ALIPAY'));
    await till.getByRole('heading', { name: /Declined/ }).waitFor({ timeout: 20_000 });
    const reason = (await till.getByTestId('reason').textContent()) ?? '';
    assert.ok(reason.trim().length > 0, 'a declined payment shows its reason');
    const firstOrder = await till.getByTestId('order-id').textContent();
    await customer.getByText('Payment declined').waitFor();

    await till.getByRole('button', { name: 'Try again' }).click();
    assert.equal(await till.getByTestId('locked-amount').textContent(), 'Amount: $7.99');
    await till.getByRole('button', { name: 'Scan customer code' }).click();
    await till.getByRole('heading', { name: /Scan the customer’s payment code/ }).waitFor();
    await typeAsScanner(till, walletCode('ALIPAY'));
    // A new attempt: a new order id on the till, declined again (the amount ends in 99).
    await till
      .locator('[data-testid="order-id"]', { hasNotText: firstOrder ?? '' })
      .waitFor({ timeout: 20_000 });
    await till.getByRole('heading', { name: /Declined/ }).waitFor();
  });

  it('an unknown outcome shows "checking with OTTPay" without offering to charge again, then Paid', async () => {
    await startPassive(till, '6.94');
    await recordHeadings(till);
    await typeAsScanner(till, walletCode('UNIONPAY'));
    await till.getByRole('heading', { name: /Paid/ }).waitFor({ timeout: 30_000 });
    const seen = await seenHeadings(till);
    const checking = seen.indexOf('Checking with OTTPay…');
    assert.ok(checking >= 0, `the unknown state was shown (saw: ${seen.join(' → ')})`);
    assert.ok(seen.indexOf('✓ Paid') > checking, 'and was resolved to Paid');
    assert.ok(!seen.includes('OFFERED A NEW CHARGE'), 'no charge was offered while the outcome was unknown');
  });
});

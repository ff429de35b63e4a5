// Issue 15, item 2: the amount charged is the amount the cashier typed and saw. A person types at
// 80 ms a key and pays at once — every pay button and every pay shortcut — while the page's wedge
// detector still holds the last keys; the till's pay screen, the customer display and the order
// OTTPay got (made from the journalled attempt) all carry the typed amount, and the sale ends Paid.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  enterCodeByHand,
  newestSimOrder,
  openTillSession,
  simulatorRequest,
  type TillSession,
  toNewSale,
  typeAsPerson,
  walletCode,
} from './harness.ts';

describe('the amount charged is the amount typed, however fast the cashier pays', () => {
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

  /** The customer display's amount once it shows one (it follows the till over the event stream). */
  async function customerAmount(): Promise<string> {
    await customer.getByTestId('customer-amount').waitFor();
    return (await customer.getByTestId('customer-amount').textContent()) ?? '';
  }

  /** Ends the sale as Paid whatever amount it was made for, so a failure here cannot trap the next test. */
  async function payAndReadStatus(): Promise<string> {
    await till.getByRole('heading', { name: /Paid/ }).waitFor({ timeout: 20_000 });
    return (await till.getByTestId('status-amount').textContent()) ?? '';
  }

  const active = [
    { wallet: 'WeChat Pay', key: 'w', amount: '12.81' },
    { wallet: 'Alipay', key: 'a', amount: '23.47' },
    { wallet: 'UnionPay', key: 'u', amount: '34.59' },
  ];

  for (const [i, { wallet, key, amount }] of active.entries()) {
    for (const how of ['button', 'shortcut'] as const) {
      const typed = how === 'button' ? amount : `${amount.slice(0, -1)}${String(i + 1)}`;
      it(`${wallet} by ${how === 'button' ? 'a click' : `the ${key.toUpperCase()} key`} right after typing ${typed}`, async () => {
        if (!session) throw new Error('no session');
        await toNewSale(till);
        await till.getByLabel('Amount', { exact: true }).focus();
        if (how === 'button') {
          await typeAsPerson(till, typed);
          await till.getByRole('button', { name: wallet, exact: true }).click();
        } else {
          await typeAsPerson(till, `${typed}${key}`);
        }
        await till.getByRole('heading', { name: new RegExp(`with ${wallet}`) }).waitFor();
        const onTill = await till.getByTestId('qr-amount').textContent();
        const onDisplay = await customerAmount();
        const order = await newestSimOrder(session.shell);
        await simulatorRequest(session.shell, `/_sim/orders/${order.orderId}/pay`, {});
        const paid = await payAndReadStatus();
        const shown = `$${typed}`;
        assert.deepEqual(
          { onTill, onDisplay, toOttpay: order.amountCents + order.tipCents, paid },
          { onTill: shown, onDisplay: shown, toOttpay: Math.round(Number(typed) * 100), paid: shown },
        );
      });
    }
  }

  for (const how of ['button', 'Enter'] as const) {
    const typed = how === 'button' ? '45.62' : '56.73';
    it(`Scan customer code by ${how === 'button' ? 'a click' : 'the Enter key'} right after typing ${typed}`, async () => {
      if (!session) throw new Error('no session');
      await toNewSale(till);
      await till.getByLabel('Amount', { exact: true }).focus();
      if (how === 'button') {
        await typeAsPerson(till, typed);
        await till.getByRole('button', { name: 'Scan customer code' }).click();
      } else {
        await typeAsPerson(till, `${typed}\n`);
      }
      await till.getByRole('heading', { name: /Scan the customer’s payment code/ }).waitFor();
      const onTill = await till.locator('.scan-screen .big-amount').textContent();
      const onDisplay = await customerAmount();
      await enterCodeByHand(till, walletCode('WECHATPAY'));
      const paid = await payAndReadStatus();
      const order = await newestSimOrder(session.shell);
      const shown = `$${typed}`;
      assert.deepEqual(
        { onTill, onDisplay, toOttpay: order.amountCents + order.tipCents, paid },
        { onTill: shown, onDisplay: shown, toOttpay: Math.round(Number(typed) * 100), paid: shown },
      );
    });
  }
});

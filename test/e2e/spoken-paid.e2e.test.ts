// Issue 21, item 2: the spoken "paid" in real Chromium. Said once when a payment turns paid, in the
// operator's language; never for a payment only being checked (said once it is paid), never twice,
// never with the setting off. The page tells each announcement with a `till-spoken` event.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEFAULT_CUSTOMER_SIDE } from '../../shared/customer-side.ts';
import {
  enterCodeByHand,
  newestSimOrder,
  openTillSession,
  pollUntil,
  simulatorRequest,
  type TillSession,
  toNewSale,
  updateSettings,
  walletCode,
} from './harness.ts';

const RECORD = `(() => {
  window.__spoken = [];
  window.addEventListener('till-spoken', (e) => window.__spoken.push({ ...e.detail, heading: document.querySelector('main h2')?.textContent ?? '' }));
})()`;
const spoken = (page: Page) =>
  page.evaluate('window.__spoken') as Promise<Array<{ sentence: string; heading: string }>>;

describe('the spoken "paid"', () => {
  let session: TillSession | undefined;
  let till: Page;

  before(async () => {
    session = await openTillSession();
    till = session.till;
    await till.evaluate(RECORD);
  });

  after(async () => {
    await session?.close();
  });

  const settings = async (patch: Record<string, unknown>) => {
    if (!session) throw new Error('no session');
    await updateSettings(session.shell, patch);
  };

  it('says a QR payment once, in Chinese, the moment it is paid', async () => {
    if (!session) throw new Error('no session');
    await settings({ operatorLanguage: 'zh' });
    const amount = till.getByLabel('金额', { exact: true });
    await amount.fill('23.45');
    await till.keyboard.press('w');
    await session.customer.getByTestId('qr').waitFor();
    assert.deepEqual(await spoken(till), [], 'nothing said before the payment');
    const order = await newestSimOrder(session.shell);
    await simulatorRequest(session.shell, `/_sim/orders/${order.orderId}/pay`, {});
    await pollUntil(async () => (await spoken(till)).length > 0, 'the payment is said');
    // Many more snapshots of the same paid sale, then the next sale: still said once.
    await till.getByRole('button', { name: '新交易' }).click();
    await amount.fill('1');
    await amount.fill('');
    assert.deepEqual(
      (await spoken(till)).map((s) => s.sentence),
      ['微信收款 二十三点四五加元'],
    );
  });

  it('says nothing while a payment is being checked, and says it once it is paid', async () => {
    await settings({ operatorLanguage: 'en' });
    await toNewSale(till);
    const before = (await spoken(till)).length;
    await till.getByLabel('Amount', { exact: true }).fill('6.94'); // SYSTEM_ERROR, but paid: checked first
    await till.keyboard.press('Enter');
    await enterCodeByHand(till, walletCode('UNIONPAY'));
    await till.getByRole('heading', { name: /Paid/ }).waitFor({ timeout: 30_000 });
    await pollUntil(async () => (await spoken(till)).length > before, 'the payment is said');
    const said = (await spoken(till)).slice(before);
    assert.deepEqual(
      said.map((s) => s.sentence),
      ['UnionPay received six dollars and ninety-four cents'],
    );
    assert.doesNotMatch(said[0]?.heading ?? '', /Checking/, 'said when paid, not while checking');
  });

  it('a payment that never turns paid is never said; with the setting off nothing is said', async () => {
    if (!session) throw new Error('no session');
    await toNewSale(till);
    const before = (await spoken(till)).length;
    await till.getByLabel('Amount', { exact: true }).fill('5.99'); // declined
    await till.keyboard.press('Enter');
    await enterCodeByHand(till, walletCode('ALIPAY'));
    await till.getByRole('button', { name: 'Try again' }).waitFor({ timeout: 20_000 });

    await settings({ customerSide: { ...DEFAULT_CUSTOMER_SIDE, speakPaid: false } });
    await toNewSale(till);
    await till.getByLabel('Amount', { exact: true }).fill('4.00');
    await till.keyboard.press('Enter');
    await enterCodeByHand(till, walletCode('WECHATPAY'));
    await till.getByRole('button', { name: 'New sale' }).waitFor({ timeout: 20_000 });
    await toNewSale(till);
    assert.equal((await spoken(till)).length, before, 'nothing more was said');
  });
});

// A person's view of the wallet page: real Chromium opens code_url and presses the button named Pay.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../e2e/harness.ts';
import { gatewayError, type Harness, orderId, startHarness } from './harness.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let h: Harness;
let browser: Browser;

before(async () => {
  h = await startHarness();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
});

after(async () => {
  await browser?.close();
  await h?.close();
});

test('open code_url, see the amount, press Pay: the order is paid', async () => {
  const id = orderId('B');
  const { codeUrl } = await h.client.activePay({
    orderId: id,
    amountCents: 4250,
    tipCents: 0,
    wallet: 'WECHATPAY',
    callbackUrl: 'http://127.0.0.1:9/cb',
  });
  const page = await browser.newPage();
  await page.goto(codeUrl);
  assert.equal(await page.getByLabel('Amount').textContent(), '42.50');
  assert.equal(await page.getByRole('heading').textContent(), 'WeChat Pay');
  await page.getByRole('button', { name: 'Pay' }).click();
  await page.getByRole('status').filter({ hasText: 'Payment successful' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Pay' }).count(), 0);
  if (process.env.WALLET_SCREENSHOT) await page.screenshot({ path: process.env.WALLET_SCREENSHOT });
  await page.close();
  assert.equal((await h.client.query(id)).status, 'success');
});

test('press Cancel: the order fails and cannot be paid afterwards', async () => {
  const id = orderId('B');
  const { codeUrl } = await h.client.activePay({
    orderId: id,
    amountCents: 990,
    tipCents: 0,
    wallet: 'UNIONPAY',
    callbackUrl: 'http://127.0.0.1:9/cb',
  });
  const page = await browser.newPage();
  await page.goto(codeUrl);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('status').filter({ hasText: 'Payment cancelled' }).waitFor();
  await page.close();
  assert.equal((await h.client.query(id)).status, 'failure');
  const refund = await gatewayError(
    h.client.refund({ refundOrderId: orderId('R'), originalOrderId: id, amountCents: 1 }),
  );
  assert.equal(refund.rspCode, 'ORDER_TYPE_ERROR');
});

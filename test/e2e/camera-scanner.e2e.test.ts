// Issue 21, item 3: the camera as a scanner, in real Chromium fed by its fake camera with a video made
// here of a phone's payment code (Code 128 above the QR). A sharp code pays in the sandbox through the
// same path as a scanner's code; a blurred or half-covered code is never read as anything.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { DEFAULT_CUSTOMER_SIDE } from '../../shared/customer-side.ts';
import { type CodeDamage, writePaymentCodeVideo } from '../support/payment-code-video.ts';
import {
  CHROMIUM_ARGS,
  gotoTill,
  pollUntil,
  type Shell,
  simulatorRequest,
  startShell,
  tillCommand,
  toNewSale,
  walletCode,
} from './harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'till-camera-'));

async function withCamera(video: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  context.setDefaultTimeout(15_000);
  await context.grantPermissions(['camera']);
  return { browser, page: await context.newPage() };
}

/** Keys the amount, goes to the scan screen, and only then turns the camera on. */
async function scanScreenWithCamera(page: Page, shell: Shell, amount: string): Promise<void> {
  await toNewSale(page);
  await page.getByLabel('Amount', { exact: true }).fill(amount);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /Scan the customer’s payment code/ }).waitFor();
  const answer = await tillCommand(shell, 'settings.update', {
    patch: { customerSide: { ...DEFAULT_CUSTOMER_SIDE, camera: 'till' } },
    pin: shell.pin,
  });
  assert.ok(answer.ok);
}

async function orderCount(shell: Shell): Promise<number> {
  return ((await (await simulatorRequest(shell, '/_sim/orders')).json()) as unknown[]).length;
}

describe('the camera as a scanner', () => {
  // Each case its own till (a till page's session belongs to the first page that takes it).
  let shell: Shell;
  const browsers: Browser[] = [];

  beforeEach(async () => {
    shell = await startShell();
  });

  afterEach(async () => {
    for (const b of browsers.splice(0)) await b.close();
    await shell?.stop();
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a phone’s payment code held to the camera pays the sale (sandbox)', async () => {
    const code = walletCode('WECHATPAY');
    const { browser, page } = await withCamera(
      await writePaymentCodeVideo(mkdtempSync(join(dir, 'ok-')), code, 'none'),
    );
    browsers.push(browser);
    await gotoTill(page, shell);
    await scanScreenWithCamera(page, shell, '12.34');
    await page.getByRole('heading', { name: /Paid/ }).waitFor({ timeout: 30_000 });
    const orders = (await (await simulatorRequest(shell, '/_sim/orders')).json()) as Array<{
      amountCents: number;
      createdAt: number;
    }>;
    const newest = orders.sort((a, b) => b.createdAt - a.createdAt)[0];
    assert.equal(newest?.amountCents, 1234);
    assert.equal(await page.getByTestId('camera-scanner').count(), 0, 'the camera stops once paid');
  });

  for (const damage of ['blurred', 'partial'] as CodeDamage[]) {
    it(`a ${damage} code is not read: nothing is charged, nothing is refused`, async () => {
      const { browser, page } = await withCamera(
        await writePaymentCodeVideo(mkdtempSync(join(dir, `${damage}-`)), walletCode('ALIPAY'), damage),
      );
      browsers.push(browser);
      await gotoTill(page, shell);
      await scanScreenWithCamera(page, shell, '3.21');
      const before = await orderCount(shell);
      const scanner = page.getByTestId('camera-scanner');
      await pollUntil(
        async () => Number(await scanner.getAttribute('data-frames')) >= 25,
        '25 frames decoded',
        30_000,
      );
      assert.equal(await orderCount(shell), before, 'no payment was started');
      assert.ok(await page.getByRole('heading', { name: /Scan the customer’s payment code/ }).isVisible());
      assert.equal(await page.getByRole('alert').count(), 0, 'no code was read to be refused');
    });
  }
});

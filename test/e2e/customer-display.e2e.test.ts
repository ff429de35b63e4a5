// The customer display fits its screen and says the truth: the QR is whole and scannable (decoded by
// zbarimg from a screenshot of the whole screen, as a phone sees it) on a 7" 800×480, 1024×600,
// 1280×800 and a portrait tablet, in every language; one message per state, the amount live as keyed.
// Set E2E_SHOTS_DIR to keep the screenshots for a person to look at.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import {
  enterCodeByHand,
  openTillSession,
  type TillSession,
  tillCommand,
  toNewSale,
  walletCode,
} from './harness.ts';

const run = promisify(execFile);

const SCREENS = [
  { name: '800x480', width: 800, height: 480 },
  { name: '1024x600', width: 1024, height: 600 },
  { name: '1280x800', width: 1280, height: 800 },
  { name: 'portrait-800x1280', width: 800, height: 1280 },
];
const LANGUAGES = [
  { lang: 'en', heading: 'Scan with WeChat Pay' },
  { lang: 'fr', heading: 'Scannez avec WeChat Pay' },
  { lang: 'zh', heading: '请使用微信支付扫码' },
] as const;

describe('customer display: fits every screen, one message per state', () => {
  let session: TillSession | undefined;
  let till: Page;
  let customer: Page;
  const shots = process.env.E2E_SHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'till-customer-shots-'));

  before(async () => {
    mkdirSync(shots, { recursive: true });
    session = await openTillSession();
    ({ till, customer } = session);
  });

  after(async () => {
    await session?.close();
    if (!process.env.E2E_SHOTS_DIR) rmSync(shots, { recursive: true, force: true });
  });

  async function command(name: string, body: unknown): Promise<void> {
    assert.ok(session);
    const answer = await tillCommand(session.shell, name, body);
    assert.equal(answer.ok, true, JSON.stringify(answer));
  }

  const setCustomerLanguage = (lang: string) =>
    command('settings.update', { patch: { customerLanguage: lang }, pin: session?.shell.pin });

  it('shows the amount as the cashier keys it, then the welcome again when it is cleared', async () => {
    await toNewSale(till);
    await customer.getByRole('heading', { name: 'Welcome' }).waitFor();
    await till.getByLabel('Amount', { exact: true }).pressSequentially('12.3');
    await customer.getByText('Total').waitFor();
    await pollText(customer, '$12.30');
    await till.getByLabel('Amount', { exact: true }).fill('');
    await customer.getByRole('heading', { name: 'Welcome' }).waitFor();
    // An amount left on the amount screen while the cashier goes to another tab is not shown.
    await till.getByLabel('Amount', { exact: true }).fill('7');
    await pollText(customer, '$7.00');
    await till.getByRole('button', { name: 'History', exact: true }).click();
    await customer.getByRole('heading', { name: 'Welcome' }).waitFor();
    await till.getByRole('button', { name: 'Sale', exact: true }).click();
  });

  it('asks for the code, then shows the amount paid (not "amount due") once paid', async () => {
    await toNewSale(till);
    await till.getByLabel('Amount', { exact: true }).fill('6.00');
    await till.keyboard.press('Enter');
    await customer.getByRole('heading', { name: 'Please show your payment code to the cashier' }).waitFor();
    await enterCodeByHand(till, walletCode('ALIPAY'));
    await customer.getByRole('heading', { name: 'Paid — thank you!' }).waitFor();
    await customer.getByText('Amount paid').waitFor();
    assert.equal(await customer.getByText('Amount due').count(), 0);
  });

  it('keeps the whole QR on screen and scannable at every size, in every language', async () => {
    await toNewSale(till);
    await till.getByLabel('Amount', { exact: true }).fill('12.34');
    await till.keyboard.press('w');
    await customer.getByTestId('qr').waitFor();
    let payload: string | null = null;
    for (const { lang, heading } of LANGUAGES) {
      await setCustomerLanguage(lang);
      await customer.getByRole('heading', { name: heading }).waitFor();
      for (const screen of SCREENS) {
        await customer.setViewportSize({ width: screen.width, height: screen.height });
        const box = await customer.getByTestId('qr').boundingBox();
        assert.ok(box, 'the QR is laid out');
        const inside =
          box.x >= 0 &&
          box.y >= 0 &&
          box.x + box.width <= screen.width &&
          box.y + box.height <= screen.height;
        assert.ok(inside, `${lang} ${screen.name}: the QR ${JSON.stringify(box)} is whole on screen`);
        const countdown = customer.getByTestId('customer-countdown');
        assert.ok(await countdown.isVisible(), `${lang} ${screen.name}: the countdown is shown`);
        const file = join(shots, `customer-qr-${lang}-${screen.name}.png`);
        await customer.screenshot({ path: file });
        const { stdout } = await run('zbarimg', ['--raw', '-q', file]);
        const decoded = stdout.trim();
        assert.match(decoded, /^https?:\/\//, `${lang} ${screen.name}: decoded from the whole screen`);
        payload ??= decoded;
        assert.equal(decoded, payload, 'the same QR everywhere');
      }
    }
    await setCustomerLanguage('en');
    await till.getByRole('button', { name: 'Cancel' }).click();
    await customer.getByRole('heading', { name: 'Payment cancelled' }).waitFor();
    await customer.setViewportSize({ width: 800, height: 480 });
    await customer.screenshot({ path: join(shots, 'customer-cancelled-en-800x480.png') });
    await till.getByRole('button', { name: 'Next sale', exact: true }).click();
  });

  it('says "declined" for a declined payment', async () => {
    await toNewSale(till);
    await till.getByLabel('Amount', { exact: true }).fill('2.99');
    await till.keyboard.press('a');
    await customer.getByRole('heading', { name: 'Payment declined' }).waitFor();
  });
});

async function pollText(page: Page, text: string): Promise<void> {
  await page.getByTestId('customer-amount').getByText(text, { exact: true }).waitFor();
}

// Issue 21, item 1: on a touch customer display the customer picks the tip and the language; the
// choice reaches the till at once and the QR is for amount + tip. Only the display showing this sale's
// ask is heard, only while the tip is asked; a display without touch shows the amount as before.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { SANDBOX_JOURNAL_FILE } from '../../electron/core/journal/journal-files.ts';
import { DEFAULT_CUSTOMER_SIDE } from '../../shared/customer-side.ts';
import {
  gotoTill,
  launchBrowser,
  newestSimOrder,
  pairCustomerDisplay,
  type Shell,
  simulatorRequest,
  startShell,
  toNewSale,
  updateSettings,
} from './harness.ts';

async function postChoice(
  shell: Shell,
  body: unknown,
): Promise<{ ok: boolean; error?: { code: string; reason?: string } }> {
  const res = await fetch(new URL('/customer/choice', shell.customerUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { ok: boolean; error?: { code: string; reason?: string } };
}

describe('the customer picks the tip on a touch display', () => {
  let shell: Shell;
  let browser: Browser;
  let till: Page;
  let tablet: Page;
  let plain: Page;
  const dataDir = mkdtempSync(join(tmpdir(), 'till-e2e-tip-'));

  before(async () => {
    shell = await startShell({ dataDir });
    browser = await launchBrowser();
    till = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
    tablet = await (
      await browser.newContext({ viewport: { width: 800, height: 1280 }, hasTouch: true })
    ).newPage();
    plain = await (await browser.newContext({ viewport: { width: 800, height: 600 } })).newPage();
    await gotoTill(till, shell); // a locked till takes no settings: the owner signs in first
    await updateSettings(shell, {
      customerSide: { ...DEFAULT_CUSTOMER_SIDE, customerPicksTip: true },
      tipPresetsPercent: [15, 18, 20],
    });
    await tablet.goto(shell.customerUrl);
    await plain.goto(shell.customerUrl);
    // Only the paired display answers the tip ask: the cashier pairs the tablet with the till's code.
    await pairCustomerDisplay(till, tablet);
  });

  after(async () => {
    await browser?.close();
    await shell?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the tablet shows the presets; a tap sets the till’s tip; the language button switches the display', async () => {
    await toNewSale(till);
    await till.getByLabel('Amount', { exact: true }).fill('40.00');
    await till.getByRole('button', { name: 'Customer picks the tip' }).click();
    await till.getByText('Waiting for the customer’s tip…').waitFor();
    const tip = tablet.getByTestId('customer-tip');
    await tip.waitFor();
    // Presets with the amount each adds, thumb-sized (at least 64 px tall).
    const preset = tablet.getByRole('button', { name: /18 %/ });
    assert.match((await preset.textContent()) ?? '', /18 %\+\$7\.20/);
    const box = await preset.boundingBox();
    assert.ok(box && box.height >= 64, `a thumb-sized button (${box?.height} px)`);
    // The display without touch keeps showing the amount, as today.
    await plain.getByTestId('customer-amount').waitFor();
    assert.equal(await plain.getByTestId('customer-tip').count(), 0);

    await tablet.getByRole('button', { name: '中文' }).tap();
    await tablet.getByRole('heading', { name: '要加小费吗？' }).waitFor();
    await tablet.getByRole('button', { name: /18 %/ }).tap();
    await till.getByRole('button', { name: '18%', pressed: true }).waitFor();
    assert.equal(await till.getByTestId('total').textContent(), 'Total $47.20');
    await till.getByTestId('customer-tip-chosen').waitFor();

    await till.keyboard.press('w');
    await tablet.getByTestId('qr').waitFor();
    assert.equal(await tablet.locator('html').getAttribute('lang'), 'zh', 'the sale goes on in Chinese');
    const order = await newestSimOrder(shell);
    assert.deepEqual([order.amountCents, order.tipCents], [4000, 720], 'the QR is for amount + tip');
    await simulatorRequest(shell, `/_sim/orders/${order.orderId}/pay`, {});
    await till.getByRole('button', { name: 'New sale' }).waitFor({ timeout: 20_000 });
    // On the receipt (the customer's copy, in the language they chose): the tip they picked.
    const paper = till.getByTestId('receipt-paper');
    await paper.waitFor();
    const printed = (await paper.textContent()) ?? '';
    assert.match(printed, /顾客自选小费\s*18 %/);
    assert.match(printed, /顾客语言\s*中文/);
    // Journaled with the attempt: the tip the customer picked and the language they read it in.
    const db = new Database(join(dataDir, SANDBOX_JOURNAL_FILE), { readonly: true });
    try {
      const row = db
        .prepare(
          `SELECT c.tip_cents AS tip, c.tip_percent AS percent, c.language AS lang FROM customer_choices c
           JOIN attempts a ON a.attempt_id = c.attempt_id WHERE a.order_id = ?`,
        )
        .get(order.orderId);
      assert.deepEqual({ ...(row as object) }, { tip: 720, percent: 18, lang: 'zh' });
    } finally {
      db.close();
    }
  });

  it('only this sale’s ask is heard, only while the tip is asked; the cashier can skip', async () => {
    await toNewSale(till);
    await till.getByLabel('Amount', { exact: true }).fill('10.00');
    await till.getByRole('button', { name: 'Customer picks the tip' }).click();
    await tablet.getByTestId('customer-tip').waitFor();
    // A device on the LAN that is not the paired display: refused, and nothing changes on the till.
    const forged = await postChoice(shell, { askId: '0'.repeat(32), tipCents: 900 });
    assert.equal(forged.error?.code, 'NOT_ALLOWED');
    assert.equal(forged.error?.reason, 'display-not-paired');
    // The paired tablet itself: a wrong ask id or a choice carrying more than a choice is refused too.
    const fromTablet = (body: unknown) =>
      tablet.evaluate(async (b) => {
        const res = await fetch('/customer/choice', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(b),
        });
        return (await res.json()) as { ok: boolean; error?: { code: string } };
      }, body);
    assert.equal((await fromTablet({ askId: '0'.repeat(32), tipCents: 900 })).error?.code, 'NOT_ALLOWED');
    const malformed = await fromTablet({ askId: '0'.repeat(32), tipCents: 900, cashier: true });
    assert.equal(malformed.error?.code, 'VALIDATION');
    // The unpaired display (no touch) was never sent the ask id.
    assert.equal(
      await plain.getByRole('button', { name: 'Pair this display' }).count(),
      0,
      'no touch: no pairing',
    );
    // The cashier skips: the tablet goes back to the amount (the ask takes no tip after it: unit test).
    await till.getByRole('button', { name: 'Skip' }).click();
    await tablet.getByTestId('customer-tip').waitFor({ state: 'detached' });
    await till.getByRole('button', { name: 'No tip', pressed: true }).waitFor();
  });
});

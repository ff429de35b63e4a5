// Cashiers and a shift end to end in Chromium: the owner adds two cashiers and a supervisor on the
// Staff screen, where the supervisor resets a cashier's forgotten PIN; each cashier signs in (F2, a
// PIN, Enter) and takes payments; a supervisor approves a refund on a cashier's screen with their own
// PIN; the shift closes, and its Z report's totals equal the journal's and the simulator ledger's, to
// the cent.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { SANDBOX_JOURNAL_FILE } from '../../electron/core/journal/journal-files.ts';
import {
  enterCodeByHand,
  gotoTill,
  launchBrowser,
  openPage,
  type Shell,
  signInTill,
  simulatorRequest,
  startShell,
  toNewSale,
  walletCode,
} from './harness.ts';

const cents = (text: string | null) => Math.round(Number((text ?? '').replace(/[^\d.]/g, '')) * 100);

describe('two cashiers, a supervisor-approved refund and the shift close', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'till-e2e-shift-'));
  let shell: Shell;
  let browser: Browser;
  let till: Page;

  before(async () => {
    shell = await startShell({ dataDir });
    browser = await launchBrowser();
    till = await openPage(browser);
    await gotoTill(till, shell);
  });

  after(async () => {
    await browser?.close();
    await shell?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function addAccount(name: string, role: string, pin: string, operatorId: string): Promise<void> {
    await till.getByLabel('Name', { exact: true }).fill(name);
    await till.getByLabel('Role', { exact: true }).selectOption(role);
    await till.getByLabel('PIN (4 to 8 digits)').fill(pin);
    await till.getByLabel('OTTPay operator id').fill(operatorId);
    await till.getByRole('button', { name: 'Add account' }).click();
    const dialog = till.getByRole('dialog');
    await dialog.getByLabel('Supervisor PIN').fill(shell.pin ?? '1234');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await till
      .getByRole('status')
      .filter({ hasText: `Account added: ${name}` })
      .waitFor();
  }

  async function switchTo(pin: string, name: string): Promise<void> {
    await till.keyboard.press('F2');
    await signInTill(till, pin);
    await till.getByTestId('cashier-name').filter({ hasText: name }).waitFor();
  }

  async function takePayment(amount: string): Promise<string> {
    await toNewSale(till);
    await till.getByLabel('Amount', { exact: true }).fill(amount);
    await till.getByRole('button', { name: 'Scan customer code' }).click();
    await till.getByRole('heading', { name: /Scan the customer’s payment code/ }).waitFor();
    await enterCodeByHand(till, walletCode('ALIPAY'));
    await till.getByRole('heading', { name: /Paid/ }).waitFor({ timeout: 20_000 });
    return ((await till.getByTestId('order-id').textContent()) ?? '').trim();
  }

  it('the owner adds two cashiers and a supervisor on the Staff screen', async () => {
    await till.getByRole('button', { name: 'Staff', exact: true }).click();
    await addAccount('Ana', 'cashier', '1111', '101');
    await addAccount('Bo', 'cashier', '2222', '102');
    await addAccount('Sue', 'supervisor', '3333', '103');
    assert.equal(await till.locator('tr[data-staff-id]').count(), 4);
  });

  it('a supervisor resets a cashier’s forgotten PIN on the Staff screen', async () => {
    await till
      .locator('tr[data-staff-id]', { hasText: 'Ana' })
      .getByRole('button', { name: 'Reset PIN' })
      .click();
    const dialog = till.getByRole('dialog');
    await dialog.getByLabel('New PIN (4 to 8 digits)').fill('1515');
    await dialog.getByLabel('Supervisor PIN').fill('3333');
    await dialog.getByRole('button', { name: 'Reset PIN' }).click();
    await till.getByRole('status').filter({ hasText: 'PIN reset: Ana' }).waitFor();
  });

  it('each cashier signs in and takes payments; the locked till takes none', async () => {
    await switchTo('1515', 'Ana');
    assert.equal(
      await till.getByRole('button', { name: 'Staff', exact: true }).count(),
      0,
      'no Staff screen for a cashier',
    );
    await takePayment('10.25');
    await takePayment('7.50');
    await till.keyboard.press('F2');
    await till.getByLabel('Your PIN', { exact: true }).waitFor();
    assert.equal(await till.getByLabel('Amount', { exact: true }).count(), 0);
    await signInTill(till, '2222');
    await till.getByTestId('cashier-name').filter({ hasText: 'Bo' }).waitFor();
    const bosOrder = await takePayment('20.40');

    // A supervisor approves a refund on Bo's screen with her own PIN; Bo's PIN is not enough.
    await till.getByRole('button', { name: 'History' }).click();
    await till.getByLabel('Order id or text').fill(bosOrder);
    await till.getByRole('button', { name: 'Search' }).click();
    const row = till.locator(`tr[data-order-id="${bosOrder}"]`);
    await row.getByText('Bo').waitFor();
    await row.getByRole('button', { name: 'Refund' }).click();
    const dialog = till.getByRole('dialog');
    await dialog.getByLabel('Refund amount').fill('5.00');
    await dialog.getByLabel('Supervisor PIN').fill('2222');
    await dialog.getByRole('button', { name: 'Refund', exact: true }).click();
    await dialog.getByRole('alert').filter({ hasText: 'supervisor' }).waitFor();
    await dialog.getByLabel('Supervisor PIN').fill('3333');
    await dialog.getByRole('button', { name: 'Refund', exact: true }).click();
    await row.getByText('Refunded $5.00').waitFor({ timeout: 20_000 });
    await till.getByTestId('cashier-name').filter({ hasText: 'Bo' }).waitFor();

    // The day's report shows each cashier's takings.
    await till.getByRole('button', { name: "Today's report" }).click();
    const byCashier = till.getByTestId('report-by-cashier');
    await byCashier.locator('tr', { hasText: 'Ana' }).getByText('$17.75').waitFor();
    await byCashier.locator('tr', { hasText: 'Bo' }).getByText('$20.40').waitFor();
  });

  it('closes the shift with a Z report equal to the journal and the simulator ledger, to the cent', async () => {
    await till.getByRole('button', { name: 'Shift', exact: true }).click();
    const x = till.getByTestId('shift-report-X');
    await x.waitFor();
    assert.equal(cents(await x.getByTestId('shift-net').textContent()), 1025 + 750 + 2040 - 500);
    await till.getByRole('button', { name: 'Close shift' }).click();
    const dialog = till.getByRole('dialog');
    await dialog.getByLabel('Supervisor PIN').fill('3333');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    const z = till.getByTestId('shift-report-Z');
    await z.waitFor({ timeout: 30_000 });
    await z.getByTestId('shift-differences').filter({ hasText: '0 differences with OTTPay' }).waitFor();

    const zGross = cents(await z.getByTestId('shift-gross').textContent());
    const zRefunds = cents(await z.getByTestId('shift-refunds').textContent());
    const zNet = cents(await z.getByTestId('shift-net').textContent());
    assert.equal(await z.getByTestId('shift-count').textContent(), '3');
    assert.equal(cents(await z.locator('tr[data-cashier="Ana"] td').nth(4).textContent()), 1775);
    assert.equal(cents(await z.locator('tr[data-cashier="Bo"] td').nth(4).textContent()), 1540);

    const db = new Database(join(dataDir, SANDBOX_JOURNAL_FILE), { readonly: true });
    let journal: { gross: number; refunded: number };
    try {
      journal = db
        .prepare(`SELECT (SELECT sum(amount_cents + tip_cents) FROM attempts WHERE state = 'paid') AS gross,
          (SELECT sum(amount_cents) FROM refunds WHERE state = 'refunded') AS refunded`)
        .get() as { gross: number; refunded: number };
    } finally {
      db.close();
    }
    const ledger = (await (await simulatorRequest(shell, '/_sim/ledger')).json()) as {
      chargedCents: number;
      refundedCents: number;
      netCents: number;
    };
    assert.deepEqual(
      [zGross, zRefunds, zNet],
      [journal.gross, journal.refunded, journal.gross - journal.refunded],
    );
    assert.deepEqual([zGross, zRefunds, zNet], [ledger.chargedCents, ledger.refundedCents, ledger.netCents]);
    assert.equal(zNet, 3315);

    // The Z report stays in history.
    await till.getByRole('button', { name: 'View' }).first().click();
    await till.getByTestId('shift-report-Z').getByTestId('shift-net').filter({ hasText: '33.15' }).waitFor();
  });
});

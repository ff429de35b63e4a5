// Issue 21, item 4: screens everyone can use. axe-core (WCAG 2.1 AA + best practice) in real Chromium
// over every screen of the till and of the customer display, in English, French and Chinese: no
// violation anywhere. The screens are reached as the words sweep reaches them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type MessageKey, money, t } from '../../renderer/i18n/t.ts';
import { LANGUAGES } from '../../shared/domain.ts';
import { axeViolations } from '../support/axe.ts';
import {
  newestSimOrder,
  openTillSession,
  simulatorRequest,
  type TillSession,
  tillCommand,
  walletCode,
} from './harness.ts';

for (const lang of LANGUAGES) {
  describe(`axe finds nothing on any screen (${lang})`, () => {
    let session: TillSession | undefined;
    let till: Page;
    let customer: Page;
    const found: string[] = [];
    const w = (key: MessageKey) => t(lang, key);
    /** Records the page's violations under the screen's name; each test asserts on its own list. */
    const check = async (page: Page, where: string) => {
      for (const v of await axeViolations(page)) found.push(`${where}: ${v}`);
    };
    const expectClean = () => {
      const list = found.splice(0);
      assert.deepEqual(list, [], `axe violations (${lang})`);
    };

    before(async () => {
      session = await openTillSession();
      ({ till, customer } = session);
      const pin = session.shell.pin;
      assert.ok(pin, 'a sandbox till announces its PIN');
      const answer = await tillCommand(session.shell, 'settings.update', {
        patch: { operatorLanguage: lang, customerLanguage: lang },
        pin,
      });
      assert.ok(answer.ok, 'the languages are saved');
      await till.getByRole('button', { name: w('nav.sale'), exact: true }).waitFor();
      await till.locator(`html[lang="${lang}"]`).waitFor();
      await customer.locator(`html[lang="${lang}"]`).waitFor();
    });

    after(async () => {
      await session?.close();
    });

    const amount = () => till.getByLabel(w('amount.label'), { exact: true });
    const newSale = async () => {
      const button = till.getByRole('button', { name: w('common.newSale') });
      if (await button.isVisible()) await button.click();
      await amount().waitFor();
    };

    it('the amount screen: empty, over the limit, with a custom tip; the display welcoming and totalling', async () => {
      await amount().waitFor();
      await check(till, 'the empty amount screen');
      await check(customer, 'the welcome display');
      await amount().fill('99999');
      await till.keyboard.press('w');
      await till.getByRole('alert').first().waitFor();
      await check(till, 'an amount over the limit');
      await amount().fill('12.34');
      await customer.getByTestId('customer-amount').waitFor();
      await check(customer, 'the display with the keyed total');
      await till.getByRole('button', { name: w('tip.custom') }).click();
      await check(till, 'the custom tip');
      await till.getByRole('button', { name: w('tip.none') }).click();
      expectClean();
    });

    it('the scan screen, the QR screen, paid, declined, cancelled', async () => {
      if (!session) throw new Error('no session');
      await amount().fill('12.34');
      await till.keyboard.press('Enter');
      await till.getByRole('heading', { name: w('scan.title') }).waitFor();
      await check(till, 'the scan screen');
      await check(customer, 'the display while scanning');
      await till.getByRole('button', { name: w('common.cancel') }).click();
      await amount().waitFor();
      await customer
        .locator('[data-phase="cancelled"], [data-phase="entering"], [data-phase="idle"]')
        .first()
        .waitFor();
      await check(customer, 'the display after a cancel');

      await till.keyboard.press('w');
      await customer.getByTestId('qr').waitFor();
      await check(till, 'the QR screen');
      await check(customer, 'the QR display');
      // What a screen reader says: the QR by wallet and amount, the amount, the state (a live region).
      const due = money(lang, 1234, 'CAD');
      const qrName = t(lang, 'customer.qrName', { wallet: w('wallet.WECHATPAY'), amount: due });
      await customer.getByRole('img', { name: qrName, exact: true }).waitFor();
      await till.getByRole('img', { name: qrName, exact: true }).waitFor();
      const status = customer.getByRole('status').filter({ hasText: due });
      const said = (await status.textContent()) ?? '';
      assert.ok(said.includes(t(lang, 'customer.scanWith', { wallet: w('wallet.WECHATPAY') })), said);
      assert.ok(said.includes(w('customer.amountDue')), said);
      assert.equal(await customer.getByTestId('customer-countdown').getAttribute('role'), null);
      const order = await newestSimOrder(session.shell);
      await simulatorRequest(session.shell, `/_sim/orders/${order.orderId}/pay`, {});
      await till.getByRole('button', { name: w('common.newSale') }).waitFor({ timeout: 20_000 });
      await customer.locator('[data-phase="paid"]').waitFor();
      const paidWords = (await customer.getByRole('status').filter({ hasText: due }).textContent()) ?? '';
      assert.ok(
        paidWords.includes(w('customer.paid')) && paidWords.includes(w('customer.amountPaid')),
        paidWords,
      );
      await check(till, 'a paid sale');
      await check(customer, 'the paid display');

      await newSale();
      await amount().fill('5.99'); // 99: declined
      await till.keyboard.press('Enter');
      await till.getByLabel(w('scan.manualLabel'), { exact: true }).fill(walletCode('ALIPAY'));
      await till.getByRole('button', { name: w('scan.submit') }).click();
      await till.getByRole('button', { name: w('status.tryAgain') }).waitFor({ timeout: 20_000 });
      await customer.locator('[data-phase="declined"]').waitFor();
      await check(till, 'a declined sale');
      await check(customer, 'the declined display');
      await newSale();
      expectClean();
    });

    it('history with a refund dialog, the report with a reconciliation, needs attention', async () => {
      if (!session) throw new Error('no session');
      await till.getByRole('button', { name: w('nav.history') }).click();
      await till
        .getByRole('button', { name: w('history.refund') })
        .first()
        .waitFor();
      await check(till, 'history');
      await till
        .getByRole('button', { name: w('history.refund') })
        .first()
        .click();
      await till.getByRole('dialog').waitFor();
      await check(till, 'the refund dialog');
      await till.keyboard.press('Escape');

      await till.getByRole('button', { name: w('nav.report') }).click();
      await simulatorRequest(session.shell, '/_sim/faults', {
        add: { mode: 'drop', action: 'STATUS_QUERY', count: 12 },
      });
      await till.getByRole('button', { name: w('report.reconcile') }).click();
      await till.getByTestId('reconcile-result').getByRole('row').nth(1).waitFor({ timeout: 30_000 });
      await simulatorRequest(session.shell, '/_sim/faults', { next: [] });
      await check(till, 'the report');

      await till.getByRole('button', { name: w('nav.attention') }).click();
      await check(till, 'needs attention');
      expectClean();
    });

    it('settings', async () => {
      await till.getByRole('button', { name: w('nav.settings') }).click();
      await till.getByTestId('scan-timing').waitFor();
      await check(till, 'settings');
      await till.getByRole('button', { name: w('nav.sale') }).click();
      expectClean();
    });

    it('the staff accounts, the shift (X and Z reports), the lock screen', async () => {
      if (!session) throw new Error('no session');
      const pin = session.shell.pin ?? '';
      await till.getByRole('button', { name: w('nav.staff') }).click();
      await till.locator('tr[data-staff-id]').first().waitFor();
      await check(till, 'the staff accounts');
      await till
        .getByRole('button', { name: w('staff.resetPin') })
        .first()
        .click();
      const reset = till.getByRole('dialog');
      await reset.getByLabel(w('pin.label')).fill(pin);
      await reset.getByRole('button', { name: w('staff.resetPin') }).click();
      await reset.getByRole('alert').waitFor();
      await check(till, 'resetting a PIN');
      await reset.getByRole('button', { name: w('common.cancel') }).click();

      await till.getByRole('button', { name: w('nav.shift') }).click();
      await till.getByTestId('shift-report-X').waitFor();
      await check(till, 'the X report');
      await till.getByRole('button', { name: w('shift.close') }).click();
      const dialog = till.getByRole('dialog');
      await dialog.getByLabel(w('pin.label')).fill(pin);
      const acknowledge = dialog.getByLabel(w('shift.acknowledge'));
      if (await acknowledge.isVisible()) await acknowledge.check();
      await check(till, 'closing the shift');
      await dialog.getByRole('button', { name: w('pin.confirm') }).click();
      await till.getByTestId('shift-differences').waitFor({ timeout: 30_000 });
      await check(till, 'the Z report');

      await till.getByRole('button', { name: w('staff.lock') }).click();
      const pinField = till.getByLabel(w('signin.pin'), { exact: true });
      await pinField.waitFor();
      await check(till, 'the lock screen');
      await pinField.fill('9999');
      await pinField.press('Enter');
      await till.getByRole('alert').first().waitFor();
      await check(till, 'a wrong PIN on the lock screen');
      await pinField.fill(pin);
      await pinField.press('Enter');
      await amount().waitFor();
      expectClean();
    });

    it('the customer display that lost its till', async () => {
      if (!session) throw new Error('no session');
      await session.shell.stop();
      await customer.locator('[data-phase="disconnected"]').waitFor({ timeout: 30_000 });
      await check(customer, 'the disconnected display');
      expectClean();
    });
  });
}

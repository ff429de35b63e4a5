// Issue 21: the touch customer display's own screens are clean for axe-core (WCAG 2.1 AA + best
// practice) in English, French and Chinese, like every other screen: "Pair this display" and its code
// form, the tip screen and its keypad, and the till's pairing code. Real Chromium, a touch tablet.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { t } from '../../renderer/i18n/t.ts';
import { DEFAULT_CUSTOMER_SIDE } from '../../shared/customer-side.ts';
import { LANGUAGES } from '../../shared/domain.ts';
import { axeViolations } from '../support/axe.ts';
import { gotoTill, launchBrowser, type Shell, startShell, tillCommand } from './harness.ts';

describe('the touch customer display’s screens everyone can use', () => {
  let shell: Shell;
  let browser: Browser;
  let till: Page;

  before(async () => {
    shell = await startShell();
    browser = await launchBrowser();
    till = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
    await gotoTill(till, shell);
  });

  after(async () => {
    await browser?.close();
    await shell?.stop();
  });

  for (const lang of LANGUAGES) {
    it(`pairing, the tip screen and its keypad (${lang})`, async () => {
      const found: string[] = [];
      const check = async (page: Page, where: string) => {
        for (const v of await axeViolations(page)) found.push(`${where}: ${v}`);
      };
      const set = await tillCommand(shell, 'settings.update', {
        patch: {
          operatorLanguage: lang,
          customerLanguage: lang,
          customerSide: { ...DEFAULT_CUSTOMER_SIDE, customerPicksTip: true },
        },
        pin: shell.pin,
      });
      assert.ok(set.ok, JSON.stringify(set));
      const tablet = await (
        await browser.newContext({ viewport: { width: 800, height: 1280 }, hasTouch: true })
      ).newPage();
      await tablet.goto(shell.customerUrl);
      await tablet.locator(`html[lang="${lang}"]`).waitFor();

      // From the sale screen: the settings screen opens afresh, without the last language's code.
      await till.getByRole('button', { name: t(lang, 'nav.sale'), exact: true }).click();
      await till.getByRole('button', { name: t(lang, 'nav.settings'), exact: true }).click();
      assert.equal(await till.getByTestId('customer-pair-code').count(), 0);
      await till.getByRole('button', { name: t(lang, 'customerPair.button') }).click();
      const shown = (await till.getByTestId('customer-pair-code').textContent()) ?? '';
      await check(till, 'the till showing the pairing code');
      const code = /(\d{3}) (\d{3})/.exec(shown);
      assert.ok(code, shown);

      await tablet.getByRole('button', { name: t(lang, 'customerPair.open') }).tap();
      await check(tablet, 'the pairing form');
      await tablet.getByLabel(t(lang, 'customerPair.label')).fill('000');
      await tablet.getByRole('button', { name: t(lang, 'customerPair.submit'), exact: true }).tap();
      await tablet.getByRole('alert').waitFor();
      await check(tablet, 'the pairing form with a problem');
      await tablet.getByLabel(t(lang, 'customerPair.label')).fill(`${code[1]}${code[2]}`);
      await Promise.all([
        tablet.waitForEvent('load'),
        tablet.getByRole('button', { name: t(lang, 'customerPair.submit'), exact: true }).tap(),
      ]);

      assert.ok((await tillCommand(shell, 'customer.askTip', { amountCents: 2000 })).ok);
      await tablet.getByTestId('customer-tip').waitFor();
      await check(tablet, 'the tip screen');
      await tablet.getByRole('button', { name: t(lang, 'customerTip.custom') }).tap();
      await tablet.getByTestId('customer-tip-keypad').waitFor();
      await check(tablet, 'the tip keypad');
      assert.ok((await tillCommand(shell, 'customer.skipTip', {})).ok);
      assert.ok((await tillCommand(shell, 'sale.new', {})).ok);
      await tablet.context().close();
      assert.deepEqual(found, [], `axe violations (${lang})`);
    });
  }
});

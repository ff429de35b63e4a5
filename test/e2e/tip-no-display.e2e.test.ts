// Issue 21: "Customer picks the tip" with no customer display that can answer. Before, the till said
// "Waiting for the customer's tip…" and the cashier waited for a customer who saw nothing. Now it says
// at once that no display is paired, with the skip, in the operator's language. A LAN display counts
// only while paired and connected: an unpaired one does not, a paired one does until its page closes.
// Real Chromium on the browser shell.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { pseudoLocalize } from '../../renderer/i18n/pseudo.ts';
import { zh } from '../../renderer/i18n/zh.ts';
import { DEFAULT_CUSTOMER_SIDE } from '../../shared/customer-side.ts';
import {
  gotoTill,
  launchBrowser,
  pairCustomerDisplay,
  type Shell,
  startShell,
  toNewSale,
  updateSettings,
  withParam,
} from './harness.ts';

const NOTICE = 'No customer display is paired — pair one in Settings → Customer side, or skip the tip';

describe('asking the customer for the tip with no display to answer', () => {
  let shell: Shell;
  let browser: Browser;
  let till: Page;
  let tabletContext: BrowserContext;
  const dataDir = mkdtempSync(join(tmpdir(), 'till-e2e-no-display-'));

  before(async () => {
    shell = await startShell({ dataDir });
    browser = await launchBrowser();
    till = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
    tabletContext = await browser.newContext({ viewport: { width: 800, height: 1280 }, hasTouch: true });
    await gotoTill(till, shell);
    await updateSettings(shell, {
      customerSide: { ...DEFAULT_CUSTOMER_SIDE, customerPicksTip: true },
      tipPresetsPercent: [15, 18, 20],
    });
  });

  after(async () => {
    await browser?.close();
    await shell?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const operatorLanguage = (lang: 'en' | 'fr' | 'zh') => updateSettings(shell, { operatorLanguage: lang });

  /** Keys an amount and asks the customer for the tip, in the till's words of `words`. */
  const ask = async (words: Record<string, string> = en) => {
    const amount = till.getByLabel(words['amount.label'] ?? '', { exact: true });
    const newSale = till.getByRole('button', { name: words['common.newSale'] ?? '' });
    await amount.or(newSale).first().waitFor();
    if (await newSale.isVisible()) await newSale.click();
    await amount.fill('12.00');
    await till.getByRole('button', { name: words['customerTip.ask'] }).click();
  };
  const notice = () => till.getByRole('alert').filter({ hasText: NOTICE });
  const skip = async (words: Record<string, string> = en) => {
    await till.getByRole('button', { name: words['customerTip.skip'], exact: true }).click();
    await till.getByRole('button', { name: words['customerTip.ask'] }).waitFor();
  };

  it('no display at all: the notice at once, with the skip; skipping gives the ask back', async () => {
    await toNewSale(till);
    await ask();
    await notice().waitFor();
    assert.equal(await till.getByText(en['customerTip.asking']).count(), 0, 'no "Waiting for…" to wait on');
    await skip();
    assert.equal(await notice().count(), 0);
  });

  it('an unpaired display does not count; once paired it does, until its page closes', async () => {
    const tablet = await tabletContext.newPage();
    await tablet.goto(shell.customerUrl);
    await tablet.getByRole('button', { name: 'Pair this display' }).waitFor();
    await ask();
    await notice().waitFor();
    await skip();

    // The cashier pairs the tablet with the till's code (Settings → Customer side).
    await pairCustomerDisplay(till, tablet);

    await ask();
    await till.getByText(en['customerTip.asking']).waitFor();
    await tablet.getByTestId('customer-tip').waitFor();
    assert.equal(await notice().count(), 0, 'a paired, connected display answers: no notice');
    // Its page closes while the till asks: the cashier is told at once.
    await tablet.close();
    await notice().waitFor();
    await skip();
  });

  it('in French and Chinese, and every word of it from the message table (pseudo-locale)', async () => {
    for (const [lang, words] of [
      ['fr', fr],
      ['zh', zh],
    ] as const) {
      await operatorLanguage(lang);
      await till
        .getByRole('button', { name: words['customerTip.ask'] })
        .or(till.getByRole('button', { name: words['common.newSale'] }))
        .first()
        .waitFor();
      await ask(words);
      const text =
        (await till.getByRole('alert').filter({ hasText: words['customerTip.noDisplay'] }).textContent()) ??
        '';
      assert.equal(text, `${words['customerTip.noDisplay']} ${words['customerTip.skip']}`);
      await skip(words);
    }
    await operatorLanguage('en');
    await till.goto(withParam(till.url(), 'pseudo'));
    await ask(Object.fromEntries(Object.entries(en).map(([k, v]) => [k, pseudoLocalize(v)])));
    const alert = till.getByRole('alert').filter({ hasText: pseudoLocalize(en['customerTip.noDisplay']) });
    assert.equal(
      await alert.textContent(),
      `${pseudoLocalize(en['customerTip.noDisplay'])} ${pseudoLocalize(en['customerTip.skip'])}`,
    );
  });
});

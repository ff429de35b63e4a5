// Issue 21: the customer's tip screen and its keypad (renderer/customer/TipKeypad.tsx) fit the small
// customer displays shops use — 7" 800×480 up to 1366×768 — in en, fr and zh: every target (presets,
// other amount, no tip, the languages; the twelve keys, the amount and OK) wholly on screen, none
// overlapping another, each at least 44 px both ways. Measured in Chromium (bounding boxes) on a
// paired touch display, with the most presets a shop may set (4) and a large amount (the default most, $5,000.00: four-
// figure tips, the longest labels); a button's words running past its edges count as cut off.
// TIP_SCREENSHOTS=<dir> also saves a screenshot of each screen there (for a person to look at).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { customerSideEn, customerSideFr, customerSideZh } from '../../renderer/i18n/customer-side-words.ts';
import { DEFAULT_CUSTOMER_SIDE } from '../../shared/customer-side.ts';
import {
  gotoTill,
  launchBrowser,
  pairCustomerDisplay,
  type Shell,
  startShell,
  tillCommand,
  updateSettings,
} from './harness.ts';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
  { width: 800, height: 480 },
  // A portrait tablet on the LAN: the keypad under the amount field.
  { width: 800, height: 1280 },
] as const;
const WORDS = { en: customerSideEn, fr: customerSideFr, zh: customerSideZh } as const;
const MIN_TARGET_PX = 44;
const SCREENSHOTS = process.env.TIP_SCREENSHOTS ?? null;

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Its words run past its edges. */
  cut: boolean;
}

/** The boxes of every button and text field on the display, as Chromium laid them out. */
const TARGETS = `(() => [...document.querySelectorAll('main button, main input')]
  .filter((el) => el.getClientRects().length > 0)
  .map((el) => {
    const r = el.getBoundingClientRect();
    const name = el.getAttribute('aria-label') || el.textContent.trim() || el.id || el.tagName;
    const cut = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    return { name, x: r.x, y: r.y, width: r.width, height: r.height, cut };
  }))()`;

/** What is wrong with the layout: off screen, too small to tap, or on top of another target. */
function problems(boxes: Box[], viewport: { width: number; height: number }): string[] {
  const found: string[] = [];
  const at = (b: Box) =>
    `"${b.name}" at ${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)}`;
  for (const b of boxes) {
    if (b.x < 0 || b.y < 0 || b.x + b.width > viewport.width + 0.5 || b.y + b.height > viewport.height + 0.5)
      found.push(`off screen: ${at(b)}`);
    if (b.width < MIN_TARGET_PX || b.height < MIN_TARGET_PX) found.push(`too small to tap: ${at(b)}`);
    if (b.cut) found.push(`words cut off: ${at(b)}`);
  }
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as Box;
      const b = boxes[j] as Box;
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > 0.5 && h > 0.5) found.push(`overlap: ${at(a)} and ${at(b)}`);
    }
  return found;
}

describe('the tip screen and its keypad fit the customer display', () => {
  let shell: Shell;
  let browser: Browser;
  let tablet: Page;
  const dataDir = mkdtempSync(join(tmpdir(), 'till-e2e-tip-layout-'));

  before(async () => {
    if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
    shell = await startShell({ dataDir });
    browser = await launchBrowser();
    const till = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
    tablet = await (
      await browser.newContext({ viewport: { width: 800, height: 480 }, hasTouch: true })
    ).newPage();
    await gotoTill(till, shell);
    await updateSettings(shell, {
      customerSide: { ...DEFAULT_CUSTOMER_SIDE, customerPicksTip: true },
      tipPresetsPercent: [10, 15, 18, 20],
    });
    await tablet.goto(shell.customerUrl);
    await pairCustomerDisplay(till, tablet);
    assert.ok((await tillCommand(shell, 'customer.askTip', { amountCents: 500_000 })).ok);
    await tablet.getByTestId('customer-tip').waitFor();
  });

  after(async () => {
    await browser?.close();
    await shell?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  for (const lang of ['en', 'fr', 'zh'] as const) {
    it(`in ${lang}: the choices, then the keypad, at ${SIZES.map((s) => `${s.width}×${s.height}`).join(', ')}`, async () => {
      const words = WORDS[lang];
      // The customer switches the display's language with its own button.
      await tablet.getByRole('button', { name: words[`customerTip.lang.${lang}`], exact: true }).tap();
      await tablet.getByRole('heading', { name: words['customerTip.title'] }).waitFor();
      const found: string[] = [];
      for (const size of SIZES) {
        await tablet.setViewportSize(size);
        const close = tablet.getByRole('button', { name: words['customerTip.ok'], exact: true });
        if (await close.isVisible()) {
          // Back to the choices: a fresh page for each size (the keypad opens from "Other amount").
          await tablet.reload();
        }
        await tablet.getByRole('button', { name: words['customerTip.custom'] }).waitFor();
        await tablet.evaluate('document.fonts.ready');
        const label = `${lang} ${size.width}×${size.height}`;
        if (SCREENSHOTS)
          await tablet.screenshot({
            path: join(SCREENSHOTS, `tip-${lang}-${size.width}x${size.height}.png`),
          });
        for (const p of problems((await tablet.evaluate(TARGETS)) as Box[], size))
          found.push(`${label} choices: ${p}`);

        await tablet.getByRole('button', { name: words['customerTip.custom'] }).tap();
        await tablet.getByTestId('customer-tip-keypad').waitFor();
        for (const key of ['1', '2', '.', '5'])
          await tablet.getByRole('button', { name: key, exact: true }).tap();
        assert.equal(await tablet.getByLabel(words['customerTip.customLabel']).inputValue(), '12.5');
        if (SCREENSHOTS)
          await tablet.screenshot({
            path: join(SCREENSHOTS, `keypad-${lang}-${size.width}x${size.height}.png`),
          });
        const boxes = (await tablet.evaluate(TARGETS)) as Box[];
        assert.equal(boxes.filter((b) => /^[0-9.]$/.test(b.name)).length, 11, `${label}: the eleven keys`);
        for (const p of problems(boxes, size)) found.push(`${label} keypad: ${p}`);
        await tablet.reload();
      }
      assert.deepEqual(found, []);
    });
  }
});

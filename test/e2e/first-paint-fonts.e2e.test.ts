// Issue 24, §3 (start-up): the till page paints at once. An English or French till asks for no
// Chinese font file before its first screen is on screen (its first screen has no Chinese). A Chinese
// till never puts Chinese on the page before the slices for it have loaded: Chromium would draw it as
// empty boxes for good (it never redraws text laid out while its slice was loading; this machine has
// no CJK font to fall back on). Real browser shell, real Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, OWNER_PIN, openPage, type Shell, startShell, tillCommand } from './harness.ts';

/**
 * Before the page's own script: at every change of the page (a MutationObserver runs before any layout
 * or paint of it), records Chinese put on the page whose slices have not loaded; and at the first
 * animation frame that shows the lock screen (run just before that frame is painted), how many of the
 * font's slices had been asked for.
 */
const WATCH = `(() => {
  const font = '16px "Till Noto Sans SC"';
  window.__watch = { early: [], facesAtLockScreen: null, firstPaintAt: null };
  new MutationObserver(() => {
    const root = document.getElementById('root');
    const chars = [...new Set(root?.textContent.match(/[\\u2e80-\\uffef]/g) ?? [])].join('');
    if (chars && !document.fonts.check(font, chars)) window.__watch.early.push(chars);
  }).observe(document, { childList: true, subtree: true, characterData: true });
  const frame = () => {
    if (document.getElementById('sign-in-pin')) {
      window.__watch.facesAtLockScreen = [...document.fonts]
        .filter((f) => f.family.includes('Till Noto Sans SC') && f.status !== 'unloaded').length;
      return;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

interface Watch {
  early: string[];
  facesAtLockScreen: number | null;
}

/** Opens the till page in `page` and waits until its lock screen (and first contentful paint) is up. */
async function openLockScreen(shell: Shell, page: Page): Promise<{ page: Page }> {
  await page.addInitScript(WATCH);
  await page.goto(shell.tillUrl);
  await page.locator('#sign-in-pin').waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  return { page };
}

async function setLanguage(shell: Shell, lang: 'en' | 'fr' | 'zh'): Promise<void> {
  const pin = shell.pin ?? OWNER_PIN;
  assert.ok((await tillCommand(shell, 'staff.signIn', { pin })).ok);
  const answer = await tillCommand(shell, 'settings.update', { patch: { operatorLanguage: lang }, pin });
  assert.ok(answer.ok, JSON.stringify(answer));
  assert.ok((await tillCommand(shell, 'staff.signOut', {})).ok);
}

describe('the till page’s fonts at start-up', () => {
  let shell: Shell;
  let browser: Browser;
  before(async () => {
    shell = await startShell();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await shell?.stop();
  });

  for (const lang of ['en', 'fr'] as const) {
    it(`a till in ${lang} paints its lock screen without asking for a Chinese font file`, async () => {
      await setLanguage(shell, lang);
      const { page } = await openLockScreen(shell, await openPage(browser, 1366, 768));
      assert.equal(await page.evaluate('document.documentElement.lang'), lang);
      const watch = (await page.evaluate('window.__watch')) as Watch;
      assert.equal(watch.facesAtLockScreen, 0, 'no slice asked for by the frame that showed the lock screen');
      await page.context().close();
    });
  }

  it('a Chinese till never puts Chinese on the page before its font has loaded', async () => {
    await setLanguage(shell, 'zh');
    // Twice: the first start after the switch (no hint yet), and the next (it was Chinese last time).
    const context = (await openPage(browser, 1366, 768)).context();
    for (const start of ['first', 'next']) {
      // Pages of one context share their storage: the next one knows the till was Chinese.
      const { page } = await openLockScreen(shell, await context.newPage());
      await page.getByText('登录', { exact: true }).first().waitFor();
      const shown = (await page.evaluate(
        `[...new Set(document.getElementById('root').textContent.match(/[\\u2e80-\\uffef]/g) ?? [])].join('')`,
      )) as string;
      assert.ok(shown.length > 0, 'the lock screen shows Chinese');
      assert.ok(
        await page.evaluate(`document.fonts.check('16px "Till Noto Sans SC"', ${JSON.stringify(shown)})`),
      );
      const watch = (await page.evaluate('window.__watch')) as Watch;
      assert.deepEqual(watch.early, [], `${start} start: no Chinese before its slices had loaded`);
      await page.close();
    }
    await context.close();
  });
});

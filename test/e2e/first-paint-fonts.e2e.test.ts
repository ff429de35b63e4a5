// Issue 24, §3 (start-up): the till page paints at once. An English or French till never fetches the
// Chinese font (its first screen has no Chinese); a Chinese till fetches only the slices its first
// screen shows, and never paints a frame with Chinese drawn in a fallback font (on this machine, which
// has no CJK font, that would be empty boxes). Real browser shell, real Chromium.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, OWNER_PIN, openPage, type Shell, startShell, tillCommand } from './harness.ts';

const SLICE = /noto-sans-sc-[^/]*\.woff2$/;
const assets = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'renderer', 'assets');
/** Every slice the build shipped (the app's Chinese needs all of them). */
const builtSlices = () => readdirSync(assets).filter((f) => SLICE.test(f));

/**
 * Before the page's own script: every animation frame (they run just before the frame is painted),
 * records whether the page showed Chinese whose font slices had not loaded yet.
 */
const WATCH_FRAMES = `(() => {
  window.__frames = { total: 0, fallback: [], facesAtFirstChinese: null, faces: 0 };
  const cjk = /[\\u2e80-\\uffef]/g;
  const frame = () => {
    const root = document.getElementById('root');
    if (root) {
      window.__frames.total++;
      const chars = [...new Set(root.textContent.match(cjk) ?? [])].join('');
      const shown = getComputedStyle(root).visibility !== 'hidden';
      if (shown && chars && !document.fonts.check('16px "Till Noto Sans SC"', chars)) {
        window.__frames.fallback.push(chars);
      }
      const faces = [...document.fonts].filter((f) => f.family.includes('Till Noto Sans SC'));
      window.__frames.faces = faces.length;
      if (shown && chars && window.__frames.facesAtFirstChinese === null) {
        // The slices asked for (loading or loaded) by the first frame that shows Chinese.
        window.__frames.facesAtFirstChinese = faces.filter((f) => f.status !== 'unloaded').length;
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

interface Opened {
  page: Page;
  /** Font slice files the page asked for before its lock screen was on screen, and in all. */
  slicesBeforeScreen: string[];
}

async function openLockScreen(browser: Browser, shell: Shell): Promise<Opened> {
  const page = await openPage(browser, 1366, 768);
  const slices: string[] = [];
  page.on('request', (req) => {
    if (SLICE.test(req.url())) slices.push(req.url().split('/').pop() ?? '');
  });
  await page.addInitScript(WATCH_FRAMES);
  await page.goto(shell.tillUrl);
  await page.locator('#sign-in-pin').waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  return { page, slicesBeforeScreen: [...slices] };
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
      const { page, slicesBeforeScreen } = await openLockScreen(browser, shell);
      assert.equal(await page.evaluate('document.documentElement.lang'), lang);
      assert.deepEqual(slicesBeforeScreen, []);
      await page.context().close();
    });
  }

  it('a Chinese till fetches only the slices its lock screen shows, and never paints Chinese in a fallback font', async () => {
    await setLanguage(shell, 'zh');
    const { page } = await openLockScreen(browser, shell);
    await page.getByText('登录', { exact: true }).first().waitFor();
    // The lock screen's Chinese is drawn in the app's font once it shows.
    const screenChars = (await page.evaluate(
      `[...new Set(document.getElementById('root').textContent.match(/[\\u2e80-\\uffef]/g) ?? [])].join('')`,
    )) as string;
    assert.ok(screenChars.length > 0, 'the lock screen shows Chinese');
    assert.ok(
      await page.evaluate(`document.fonts.check('16px "Till Noto Sans SC"', ${JSON.stringify(screenChars)})`),
    );
    const frames = (await page.evaluate('window.__frames')) as {
      total: number;
      fallback: string[];
      facesAtFirstChinese: number | null;
      faces: number;
    };
    assert.ok(frames.total > 0, 'frames were watched');
    assert.deepEqual(frames.fallback, [], 'no frame showed Chinese before its font had loaded');
    // Only some of the app's slices by the time the screen showed (the rest load later, when idle).
    assert.equal(frames.faces, builtSlices().length);
    assert.ok(
      frames.facesAtFirstChinese !== null && frames.facesAtFirstChinese > 0,
      'its slices were asked for',
    );
    assert.ok(
      frames.facesAtFirstChinese < frames.faces,
      `${frames.facesAtFirstChinese} of ${frames.faces} slices asked for before the lock screen showed`,
    );
    await page.context().close();
  });
});

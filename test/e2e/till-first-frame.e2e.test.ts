// Issue 24, §3 (start-up): the till window's first frame does not wait for the app's script. The built
// till page (dist/renderer, served by main's own app:// handler) paints the app's mark as soon as its
// HTML and stylesheets are in, even while every script is still on its way; that frame has no words
// (nothing to translate) and is "visually non-empty" by Chromium's rule (an image over 32×32 pixels:
// blink's WebMeaningfulLayout), which is when Electron sends ready-to-show and main shows the window.
// Once the script runs, React replaces the mark. Needs `npm run build`.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page, Route } from 'playwright-core';
import { createAppProtocolHandler } from '../../electron/main/app-protocol.ts';
import { launchBrowser, openPage, type Shell, startShell } from './harness.ts';

const root = join(import.meta.dirname, '..', '..');
const ORIGIN = 'http://till.app.invalid';
const serve = createAppProtocolHandler(join(root, 'dist', 'renderer'));

/** Opens the built till page as the Electron side serves it; script requests are held, never answered. */
async function openWithoutScripts(page: Page): Promise<Route[]> {
  const held: Route[] = [];
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() === 'script') {
      held.push(route);
      return;
    }
    const res = await serve(new Request(route.request().url().replace(ORIGIN, 'app://till')));
    await route.fulfill({
      status: res.status,
      headers: Object.fromEntries(res.headers),
      body: Buffer.from(await res.arrayBuffer()),
    });
  });
  await page.goto(`${ORIGIN}/till/index.html`, { waitUntil: 'commit' });
  return held;
}

describe('the till page’s first frame', () => {
  let browser: Browser;
  let shell: Shell | undefined;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await shell?.stop();
  });

  it('paints the app’s mark before any of the app’s script has arrived', async () => {
    const page = await openPage(browser, 1366, 768);
    const held = await openWithoutScripts(page);
    await page.waitForFunction(
      () => performance.getEntriesByName('first-contentful-paint').length > 0,
      null,
      {
        timeout: 10_000,
      },
    );
    const frame = (await page.evaluate(`(() => {
      const images = [...document.querySelectorAll('#root img')].filter((i) => i.complete);
      return {
        text: document.body.innerText.trim(),
        images: images.map((i) => ({ area: i.naturalWidth * i.naturalHeight, alt: i.getAttribute('alt') })),
      };
    })()`)) as { text: string; images: Array<{ area: number; alt: string | null }> };
    assert.ok(held.length > 0, 'the page asked for its script, which is still held');
    assert.equal(frame.text, '', 'the first frame has no words (none to translate)');
    assert.equal(frame.images.length, 1);
    assert.ok((frame.images[0]?.area ?? 0) > 32 * 32, 'an image Chromium counts as visually non-empty');
    assert.equal(frame.images[0]?.alt, '', 'decorative: a screen reader skips it');
    await page.context().close();
  });

  it('is replaced by the app once its script runs: the lock screen shows without the mark', async () => {
    shell = await startShell();
    const page = await openPage(browser, 1366, 768);
    await page.goto(shell.tillUrl);
    await page.locator('#sign-in-pin').waitFor();
    assert.equal(await page.locator('#root img[alt=""]').count(), 0);
    await page.context().close();
  });
});

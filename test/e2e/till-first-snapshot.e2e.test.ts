// Issue 24, §3 (start-up): the lock screen waits for the core's first snapshot, so the till page asks
// for it as soon as its script runs, before React's first render (asked from the render's effect, it
// waited for that render and its paint). Real browser shell, real Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, type Shell, startShell } from './harness.ts';

/** Before the page's script: the moment React first changes the page's #root (its first commit). */
const WATCH_FIRST_RENDER = `(() => {
  new MutationObserver((records, seen) => {
    // The parser's first frame (the mark, an img) is not React's.
    const byReact = (r) => r.target.id === 'root' && [...r.addedNodes].some((n) => n.nodeName !== 'IMG');
    if (!records.some(byReact)) return;
    window.__firstRenderAt = performance.now();
    seen.disconnect();
  }).observe(document, { childList: true, subtree: true });
})()`;

describe('the till page’s first snapshot', () => {
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

  it('is asked for before React’s first render, once, and shows the lock screen', async () => {
    const page = await openPage(browser, 1366, 768);
    await page.addInitScript(WATCH_FIRST_RENDER);
    await page.goto(shell.tillUrl);
    await page.locator('#sign-in-pin').waitFor();
    const seen = (await page.evaluate(`({
      asked: performance.getEntriesByType('resource')
        .filter((e) => e.name.endsWith('/api/command/till.snapshot'))
        .map((e) => e.startTime),
      firstRenderAt: window.__firstRenderAt,
    })`)) as { asked: number[]; firstRenderAt: number };
    assert.equal(seen.asked.length, 1, 'one question for the first snapshot');
    assert.ok(
      (seen.asked[0] ?? Number.POSITIVE_INFINITY) < seen.firstRenderAt,
      `asked at ${seen.asked[0]} ms, before the first render at ${seen.firstRenderAt} ms`,
    );
    await page.context().close();
  });

  it('while it is awaited, says so in the language of the last start (it was English for every till)', async () => {
    const page = await openPage(browser, 1366, 768);
    await page.addInitScript("localStorage.setItem('till.lastLanguage', 'fr')");
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The snapshot comes as the command's answer or pushed on the event stream: both are held.
    for (const url of ['**/api/command/till.snapshot', '**/api/events?*'])
      await page.route(url, async (route) => {
        await held;
        await route.continue();
      });
    await page.goto(shell.tillUrl);
    assert.equal(await page.locator('p.loading').innerText(), 'Chargement…');
    release();
    await page.locator('#sign-in-pin').waitFor();
    await page.context().close();
  });
});

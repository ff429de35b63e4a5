// Issue 21: the customer page inside the Electron customer window (a touch monitor at the till) picks
// the preload's transport: with `window.customer.choose` there, the tip screen shows and each tap goes
// through it, not through fetch. The customer's own amount is tapped on the page's keypad: that window
// never keeps focus, so no keyboard reaches it. Real Chromium; the preload is stood in for by an init
// script with the preload's shape (`on`, `choose`), whose `choose` records the call and passes it on.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEFAULT_CUSTOMER_SIDE } from '../../shared/customer-side.ts';
import type { TillSnapshot } from '../../shared/domain.ts';
import { gotoTill, launchBrowser, type Shell, startShell, tillCommand, updateSettings } from './harness.ts';

const STAND_IN_PRELOAD = `(() => {
  window.__chosen = [];
  window.__fetched = [];
  const realFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    window.__fetched.push(String(input));
    return realFetch(input, init);
  };
  window.customer = {
    on: (name, listener) => {
      const events = new EventSource('/customer/events');
      events.addEventListener(name, (e) => listener(JSON.parse(e.data)));
      return () => events.close();
    },
    choose: (choice) => {
      window.__chosen.push(choice);
      return realFetch('/customer/choice', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(choice),
      }).then((r) => r.json());
    },
  };
})()`;

describe('the customer page in the Electron customer window', () => {
  let shell: Shell;
  let browser: Browser;
  let context: BrowserContext;
  let monitor: Page;

  before(async () => {
    shell = await startShell();
    browser = await launchBrowser();
    const till = await (await browser.newContext()).newPage();
    await gotoTill(till, shell);
    await updateSettings(shell, {
      customerSide: { ...DEFAULT_CUSTOMER_SIDE, customerPicksTip: true },
      tipPresetsPercent: [15, 18, 20],
    });
    // The stand-in's stream is an HTTP one: it is paired like a LAN display, so it is sent the ask (the
    // real window is sent every view by main over IPC).
    context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
    const offered = (await tillCommand(shell, 'customer.pairDisplay', {})) as {
      ok: boolean;
      value?: { code: string };
    };
    const paired = await context.request.post(new URL('/customer/pair', shell.customerUrl).href, {
      data: { code: offered.value?.code },
    });
    assert.deepEqual(await paired.json(), { ok: true, value: null });
    await context.addInitScript(STAND_IN_PRELOAD);
    monitor = await context.newPage();
    await monitor.goto(shell.customerUrl);
  });

  after(async () => {
    await browser?.close();
    await shell?.stop();
  });

  it('shows the tip screen and sends the keypad’s amount through window.customer.choose', async () => {
    assert.ok((await tillCommand(shell, 'customer.askTip', { amountCents: 3000 })).ok);
    await monitor.getByTestId('customer-tip').waitFor();
    assert.equal(
      await monitor.getByRole('button', { name: 'Pair this display' }).count(),
      0,
      'no pairing in the window',
    );
    await monitor.getByRole('button', { name: 'Other amount' }).tap();
    const keypad = monitor.getByTestId('customer-tip-keypad');
    for (const key of ['2', '.', '5', '9'])
      await keypad.getByRole('button', { name: key, exact: true }).tap();
    await keypad.getByRole('button', { name: 'Delete the last digit' }).tap();
    await keypad.getByRole('button', { name: '0', exact: true }).tap();
    assert.equal(await monitor.getByLabel('Tip amount').inputValue(), '2.50');
    await monitor.getByRole('button', { name: 'OK' }).tap();
    await monitor.getByTestId('customer-tip').waitFor({ state: 'detached' });

    const chosen = (await monitor.evaluate('window.__chosen')) as Array<{ askId: string; tipCents: number }>;
    assert.equal(chosen.length, 1);
    assert.equal(chosen[0]?.tipCents, 250);
    assert.match(chosen[0]?.askId ?? '', /^[0-9a-f]{32}$/);
    const fetched = (await monitor.evaluate('window.__fetched')) as string[];
    assert.deepEqual(
      fetched.filter((u) => u.includes('/customer/choice')),
      [],
      'the page did not post it itself',
    );
    const snap = (await tillCommand(shell, 'till.snapshot', {})) as { ok: boolean; value?: TillSnapshot };
    assert.equal(snap.value?.customerChoice?.tipCents, 250);
  });
});

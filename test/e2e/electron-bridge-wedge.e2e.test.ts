// The till page as Electron shows it: `window.till` exists (the preload's bridge) before the page's
// scripts run. Electron's main process no longer touches keys, so the page's own wedge detector must
// read the scan there too and send the completed code through the contract (`sale.submitScan`).
// The bridge here forwards to the browser shell's HTTP API: the same TillApi the preload exposes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  OWNER_PIN,
  openPage,
  type Shell,
  signInTill,
  startShell,
  typeAsScanner,
  walletCode,
} from './harness.ts';

/** Page-side text (this project's Node typecheck has no DOM library): a TillApi over HTTP + SSE. */
function bridgeScript(token: string): string {
  return `(() => {
    const token = ${JSON.stringify(token)};
    window.bridgeCalls = [];
    // Events main sends itself (not the core): the test plays them with window.bridgeEmit.
    const shellListeners = new Map();
    window.bridgeEmit = (name, payload) => (shellListeners.get(name) ?? []).forEach((l) => l(payload));
    window.till = {
      invoke: async (name, request) => {
        window.bridgeCalls.push({ name, request });
        const res = await fetch('/api/command/' + encodeURIComponent(name), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Till-Token': token },
          body: JSON.stringify(request ?? {}),
        });
        return res.json();
      },
      on: (name, listener) => {
        if (name.startsWith('shell.')) {
          shellListeners.set(name, [...(shellListeners.get(name) ?? []), listener]);
          return () => shellListeners.set(name, shellListeners.get(name).filter((l) => l !== listener));
        }
        const source = new EventSource('/api/events?token=' + encodeURIComponent(token));
        const handler = (e) => listener(JSON.parse(e.data));
        source.addEventListener(name, handler);
        return () => source.close();
      },
    };
  })();`;
}

describe('the till page under an Electron-style bridge', () => {
  let shell: Shell | undefined;
  let browser: Browser | undefined;
  let till: Page;

  before(async () => {
    shell = await startShell();
    browser = await launchBrowser();
    till = await openPage(browser);
    const url = new URL(shell.tillUrl);
    await till.addInitScript(bridgeScript(url.searchParams.get('token') ?? ''));
    url.searchParams.delete('token');
    await till.goto(url.toString());
    await signInTill(till, shell.pin ?? OWNER_PIN);
    await till.getByLabel('Amount', { exact: true }).waitFor();
  });

  after(async () => {
    await browser?.close();
    await shell?.stop();
  });

  it('a scan typed into the Amount field goes to the core as one sale.submitScan, never into the field', async () => {
    assert.equal(await till.evaluate('typeof window.till.invoke'), 'function', 'the bridge is in place');
    const amount = till.getByLabel('Amount', { exact: true });
    await amount.fill('8.88');
    await till.keyboard.press('Enter');
    await till.getByRole('heading', { name: /Scan the customer’s payment code/ }).waitFor();
    const code = walletCode('WECHATPAY');
    await typeAsScanner(till, code);
    await till.getByRole('heading', { name: /Paid/ }).waitFor({ timeout: 20_000 });
    const calls = (await till.evaluate(
      'window.bridgeCalls.filter((c) => c.name === "sale.submitScan" || c.name === "wedge.keys")',
    )) as Array<{ name: string; request: { code: string; source: string } }>;
    assert.deepEqual(
      calls.map((c) => [c.name, c.request.code, c.request.source]),
      [['sale.submitScan', code, 'wedge']],
    );
  });

  it('kiosk: a close request asks for the supervisor PIN; the core refuses a wrong one, takes the right one', async () => {
    await till.evaluate('window.bridgeEmit("shell.quitRequested", {})');
    const dialog = till.getByRole('dialog', { name: 'Close the till' });
    await dialog.waitFor();
    await dialog.getByText('the supervisor PIN is needed to close it').waitFor();
    await dialog.getByLabel('Supervisor PIN').fill('0000');
    await dialog.getByRole('button', { name: 'Close the till' }).click();
    await dialog.getByText('Wrong supervisor PIN').waitFor();
    await dialog.getByLabel('Supervisor PIN').fill(shell?.pin ?? '1234');
    await dialog.getByRole('button', { name: 'Close the till' }).click();
    await dialog.waitFor({ state: 'detached' });
    const quits = (await till.evaluate(
      'window.bridgeCalls.filter((c) => c.name === "shell.quit").map((c) => c.request.pin)',
    )) as string[];
    assert.deepEqual(quits, ['0000', shell?.pin ?? '1234']);
  });
});

// The Settings screen end to end: one Save behind the supervisor PIN, what a save changes on the Sale
// screen, a wrong PIN or a refused value changing nothing, the serial ports list, the write-only sign key.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page, Response } from 'playwright-core';
import {
  openTillSession,
  pollUntil,
  type TillSession,
  toNewSale,
  typeAsScanner,
  walletCode,
} from './harness.ts';

const PIN = '1234';

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  await page.getByRole('button', { name: 'Refresh ports' }).waitFor();
}

/** Reloads the page, so every value shown comes from a fresh snapshot of the core. */
async function reloadSettings(page: Page): Promise<void> {
  await page.reload();
  await page.getByLabel('Amount', { exact: true }).waitFor();
  await openSettings(page);
}

async function saveWithPin(page: Page, pin: string): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Supervisor PIN').fill(pin);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
}

describe('settings screen', () => {
  let session: TillSession | undefined;
  let till: Page;

  before(async () => {
    session = await openTillSession({ tillHeight: 860 });
    till = session.till;
    assert.equal(session.shell.pin, PIN, 'a fresh sandbox till starts with the documented PIN');
  });

  after(async () => {
    await session?.close();
  });

  it('saves tip presets and offered wallets with the PIN, and the Sale screen follows', async () => {
    await toNewSale(till);
    await till.getByRole('button', { name: 'UnionPay' }).waitFor();
    assert.equal(await till.getByRole('button', { name: '20%' }).count(), 0);

    await openSettings(till);
    assert.equal(await till.getByLabel('Tip preset 1 (%)').inputValue(), '10');
    await till.getByLabel('Tip preset 4 (%)').fill('20');
    await till.getByRole('checkbox', { name: 'UnionPay' }).uncheck();
    await saveWithPin(till, PIN);
    await till.getByRole('status').filter({ hasText: 'Settings saved' }).waitFor();
    assert.equal(await till.getByRole('dialog').count(), 0);

    await till.getByRole('button', { name: 'Sale', exact: true }).click();
    await till.getByRole('button', { name: '20%' }).waitFor();
    await till.getByRole('button', { name: 'WeChat Pay' }).waitFor();
    await till.getByRole('button', { name: 'Alipay' }).waitFor();
    assert.equal(await till.getByRole('button', { name: 'UnionPay' }).count(), 0, 'UnionPay is not offered');

    // The last offered wallet cannot be unticked.
    await openSettings(till);
    assert.equal(await till.getByRole('checkbox', { name: 'UnionPay' }).isChecked(), false);
    await till.getByRole('checkbox', { name: 'Alipay' }).uncheck();
    assert.equal(await till.getByRole('checkbox', { name: 'WeChat Pay' }).isDisabled(), true);
  });

  it('a wrong PIN saves nothing', async () => {
    await reloadSettings(till);
    assert.equal(await till.getByLabel('QR expiry (seconds)').inputValue(), '120');
    await till.getByLabel('QR expiry (seconds)').fill('300');
    await saveWithPin(till, '9999');
    const dialog = till.getByRole('dialog');
    await dialog.getByRole('alert').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await till.getByRole('status').filter({ hasText: 'Settings saved' }).count(), 0);

    await reloadSettings(till);
    assert.equal(await till.getByLabel('QR expiry (seconds)').inputValue(), '120', 'unchanged in the core');
  });

  it('lists the serial ports scanner.listPorts finds, with a free-text path for one not listed', async () => {
    await reloadSettings(till);
    const answer = till.waitForResponse((r) => r.url().includes('/api/command/scanner.listPorts'));
    await till.getByRole('button', { name: 'Refresh ports' }).click();
    const body = (await (await answer).json()) as { ok: boolean; value: Array<{ path: string }> };
    assert.equal(body.ok, true);
    const paths = body.value.map((p) => p.path);

    const select = till.getByLabel('Serial port');
    const expected = JSON.stringify(['', ...paths]); // "Other", then one option per port
    let options = '';
    await pollUntil(async () => {
      options = JSON.stringify(
        await select
          .locator('option')
          .evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value)),
      );
      return options === expected;
    }, `the port options ${options} are ${expected}`);
    const noPorts = till.getByText('No serial ports found on this machine');
    if (paths.length === 0) {
      await noPorts.waitFor();
    } else {
      assert.equal(await noPorts.count(), 0);
      await select.selectOption(paths[0] ?? '');
      assert.equal(await till.getByLabel('Port path (if not listed)').inputValue(), paths[0]);
    }

    // A path that is not listed goes in by hand, and is kept.
    const typed = '/dev/ttyNOTLISTED7';
    await till.getByLabel('Port path (if not listed)').fill(typed);
    assert.equal(await select.inputValue(), '', 'an unlisted path shows as "Other"');
    await till.getByLabel('Baud rate').selectOption('115200');
    await till.getByLabel('Framing').selectOption('CRLF');
    await saveWithPin(till, PIN);
    await till.getByRole('status').filter({ hasText: 'Settings saved' }).waitFor();

    await reloadSettings(till);
    assert.equal(await till.getByLabel('Port path (if not listed)').inputValue(), typed);
    assert.equal(await till.getByLabel('Baud rate').inputValue(), '115200');
    assert.equal(await till.getByLabel('Framing').inputValue(), 'CRLF');
  });

  it('a refused value shows the core’s message naming the field, and nothing is saved', async () => {
    await reloadSettings(till);
    await till.getByLabel('Merchant id').fill('abc');
    await till.getByLabel('QR expiry (seconds)').fill('300'); // valid, but in the same refused patch
    await saveWithPin(till, PIN);
    await till.getByRole('dialog').waitFor({ state: 'detached' });
    const alert = till.locator('.settings-form').getByRole('alert');
    await alert.waitFor();
    const message = (await alert.textContent()) ?? '';
    assert.match(message, /Merchant id/);
    assert.match(message, /merchant id looks like QC00005496/, 'the core’s own words');
    assert.equal(await till.getByLabel('Merchant id').getAttribute('aria-invalid'), 'true');
    assert.equal(await till.getByRole('status').filter({ hasText: 'Settings saved' }).count(), 0);

    await reloadSettings(till);
    assert.equal(await till.getByLabel('Merchant id').inputValue(), '');
    assert.equal(await till.getByLabel('QR expiry (seconds)').inputValue(), '120');
    await till.getByText('Sandbox — no real money').waitFor();
  });

  it('the scanner test shows a scan typed by a wedge scanner, masked, with its key timing', async () => {
    await reloadSettings(till);
    const timing = till.getByTestId('scan-timing');
    assert.match((await timing.textContent()) ?? '', /No scan timed yet/);
    await till.locator('body').click({ position: { x: 5, y: 5 } }); // no field focused
    const code = walletCode('WECHATPAY');
    await typeAsScanner(till, code);
    await pollUntil(
      async () => /Last scan: 19 keys/.test((await timing.textContent()) ?? ''),
      'timing shown',
    );
    // The scanner's 3 ms gaps, as the browser reports event times (coarsened to 0.1 ms).
    const longest = Number(/longest gap ([\d.]+) ms/.exec((await timing.textContent()) ?? '')?.[1]);
    assert.ok(longest >= 2.8 && longest <= 3.2, `longest gap ${longest} ms`);
    const logText = (await till.locator('.scan-log').textContent()) ?? '';
    assert.match(logText, new RegExp(`${code.slice(0, 4)}\\S*${code.slice(-4)}`), 'the code shows masked');
    assert.ok(!logText.includes(code), 'never the whole wallet code');
  });
});

describe('settings: the sign key is write-only', () => {
  // Its own till: a sign key (with a merchant id) is what switches a till from sandbox to live.
  let session: TillSession | undefined;
  let till: Page;

  before(async () => {
    session = await openTillSession({ tillHeight: 860 });
    till = session.till;
  });

  after(async () => {
    await session?.close();
  });

  it('after a sign key is set the page only ever says it is set', async () => {
    const key = 'C0FFEE0123456789';
    // Every command answer the page receives, to check none carries the key back. Each body is read
    // the moment it arrives; the listener is removed before the test ends, so no read outlives it.
    const answers: Promise<string>[] = [];
    const collect = (r: Response) => {
      if (r.url().includes('/api/command/')) answers.push(r.text());
    };
    till.on('response', collect);
    await openSettings(till);
    await till.getByText('No sign key: running on the sandbox').waitFor();
    await till.getByLabel('Sign key (write-only)').fill(key);
    await till.getByRole('button', { name: 'Set sign key' }).click();
    const dialog = till.getByRole('dialog');
    await dialog.getByLabel('Supervisor PIN').fill(PIN);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.waitFor({ state: 'detached' });
    await till.getByRole('status').filter({ hasText: 'A sign key is set' }).waitFor();
    assert.equal(await till.getByLabel('Sign key (write-only)').inputValue(), '');
    assert.equal((await till.content()).includes(key), false, 'the key is not in the page');
    const answered = await Promise.all(answers.splice(0)); // read now: a reload drops unread bodies
    assert.ok(
      answered.some((b) => b.includes('"signKeySet":true')),
      'the answer says the key is set',
    );
    assert.equal(answered.filter((b) => b.includes(key)).length, 0, 'no answer carries the key');

    await reloadSettings(till);
    await till.getByText('A sign key is set').waitFor();
    assert.equal((await till.content()).includes(key), false, 'nor in a fresh snapshot');
    await till.getByText('Sandbox — no real money').waitFor(); // no merchant id: still the sandbox
    till.off('response', collect);
    const afterReload = await Promise.all(answers);
    assert.ok(afterReload.length > 0, 'the fresh snapshot was seen');
    assert.equal(afterReload.filter((b) => b.includes(key)).length, 0, 'no answer carries the key');
  });
});

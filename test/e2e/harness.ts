// Shared by the end-to-end tests: the real browser shell (real core + embedded simulator) as a child
// process, real Chromium through playwright-core, and QR decoding from a screenshot with zbarimg.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { scannerKeys } from '../support/scanner-keys.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Shell {
  tillUrl: string;
  customerUrl: string;
  /** The supervisor PIN the shell announced (sandbox), or null. */
  pin: string | null;
  /** The embedded simulator's base URL (sandbox; its control API is under /_sim/), or null. */
  simulatorUrl: string | null;
  /** The local POS API's URL (`pos api at <url>`), when started with --pos-api-port. */
  posApiUrl: string | null;
  /** Everything the shell wrote to stderr, for failure messages. */
  log: () => string;
  stop: () => Promise<void>;
  /** SIGKILL, as a crash or a killed process would end it (the data dir stays, as with stop). */
  kill: () => Promise<void>;
}

/**
 * Starts `electron/web-shell/start.ts --port 0` on a fresh data dir; needs dist/renderer built. With
 * `dataDir` it runs on that one instead (a restart of the same till) and leaves it for the caller.
 */
export async function startShell(
  opts: { timeoutMs?: number; dataDir?: string; port?: number; extraArgs?: string[] } = {},
): Promise<Shell> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'till-e2e-'));
  const child = spawn(
    process.execPath,
    [
      join(root, 'electron/web-shell/start.ts'),
      '--port',
      String(opts.port ?? 0),
      '--data-dir',
      dataDir,
      ...(opts.extraArgs ?? []),
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  const stop = () =>
    stopChild(child).finally(() => {
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    });
  try {
    const lines = await readAnnouncement(child, opts.timeoutMs ?? 20_000);
    const till = /till ready at (\S+)/.exec(lines.join('\n'))?.[1];
    const customer = /customer display at (\S+)/.exec(lines.join('\n'))?.[1];
    if (!till || !customer) throw new Error(`unexpected shell output: ${lines.join(' | ')}`);
    const pin = /supervisor PIN is (\d{4,8})/.exec(lines.join('\n'))?.[1] ?? null;
    const simulatorUrl = /simulator at (http[^\s)]+)/.exec(lines.join('\n'))?.[1] ?? null;
    const posApiUrl = /^pos api at (\S+)$/m.exec(lines.join('\n'))?.[1] ?? null;
    const kill = () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
    return {
      tillUrl: till,
      customerUrl: customer,
      pin,
      simulatorUrl,
      posApiUrl,
      log: () => stderr,
      stop,
      kill,
    };
  } catch (err) {
    await stop();
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- shell stderr ---\n${stderr}`);
  }
}

/** The URL lines, plus the sandbox lines that follow them at once (simulator, PIN). */
function readAnnouncement(child: ChildProcess, timeoutMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    const rl = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    let settleTimer: ReturnType<typeof setTimeout> | null = null;
    const done = (err: Error | null) => {
      clearTimeout(deadline);
      if (settleTimer) clearTimeout(settleTimer);
      rl.removeAllListeners('line');
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(lines);
    };
    const deadline = setTimeout(
      () => done(new Error('the browser shell did not announce its URLs')),
      timeoutMs,
    );
    const onExit = (code: number | null) =>
      done(new Error(`the browser shell exited (${code}) before it was ready`));
    child.once('exit', onExit);
    rl.on('line', (line) => {
      lines.push(line);
      if (/supervisor PIN is/.test(line)) done(null);
      else if (lines.some((l) => l.startsWith('customer display at')) && !settleTimer) {
        // Not every shell prints the sandbox lines; they follow in the same write when it does.
        settleTimer = setTimeout(() => done(null), 300);
      }
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** Screenshots one element (the QR) to a PNG and decodes it with zbarimg, like a phone camera would. */
export async function readQr(locator: Locator): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'till-qr-'));
  try {
    const file = join(dir, 'qr.png');
    await locator.screenshot({ path: file });
    const { stdout } = await run('zbarimg', ['--raw', '-q', file]);
    return stdout.trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A fresh wallet payment code the simulator accepts (codes are single use). */
export function walletCode(wallet: 'WECHATPAY' | 'ALIPAY' | 'UNIONPAY'): string {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
  if (wallet === 'WECHATPAY') return `13${digits(16)}`;
  if (wallet === 'ALIPAY') return `28${digits(16)}`;
  return `62${digits(17)}`;
}

/** Polls a page condition until it holds (waiting on state, never a fixed sleep standing in for it). */
export async function pollUntil(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A page in its own context (its own storage, like a separate device), with a shorter default timeout. */
export async function openPage(browser: Browser, width = 1200, height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** The sandbox's first owner signs in with the default supervisor PIN. */
export const OWNER_PIN = '1234';

/**
 * Opens the till page and signs a cashier in on its lock screen (PIN, then Enter), as every till page
 * starts locked. The owner, unless told otherwise.
 */
export async function gotoTill(page: Page, shell: Shell, pin = shell.pin ?? OWNER_PIN): Promise<void> {
  await page.goto(shell.tillUrl);
  await signInTill(page, pin);
}

/** Signs in on the lock screen and waits until the lock screen has gone. */
export async function signInTill(page: Page, pin: string): Promise<void> {
  const field = page.getByLabel('Your PIN', { exact: true });
  await field.waitFor();
  await field.fill(pin);
  await field.press('Enter');
  await page.getByTestId('cashier-name').waitFor();
}

/** Back to an empty amount screen, whatever the last test left behind. */
export async function toNewSale(page: Page): Promise<void> {
  const newSale = page.getByRole('button', { name: 'New sale' });
  const amount = page.getByLabel('Amount', { exact: true });
  await amount.or(newSale).first().waitFor(); // a page just opened may not have drawn yet
  if (await newSale.isVisible()) await newSale.click();
  await amount.waitFor({ state: 'visible' });
}

/**
 * Gives the scan screen a wallet code through its "Payment code" field, as a cashier types one the
 * scanner could not read. Tests about something other than wedge timing use this: a loaded CI machine
 * can stall simulated fast key presses enough that the detector rightly stops calling them a scan.
 */
export async function enterCodeByHand(page: Page, code: string): Promise<void> {
  await page.getByLabel('Payment code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Submit code' }).click();
}

/** A browser shell with the till page open at its amount screen and the customer display beside it. */
export interface TillSession {
  shell: Shell;
  browser: Browser;
  till: Page;
  customer: Page;
  close(): Promise<void>;
}

export async function openTillSession(opts: { tillHeight?: number } = {}): Promise<TillSession> {
  const shell = await startShell();
  const browser = await launchBrowser();
  const till = await openPage(browser, 1200, opts.tillHeight ?? 900);
  const customer = await openPage(browser, 800, 900);
  await gotoTill(till, shell);
  await customer.goto(shell.customerUrl);
  await till.getByLabel('Amount', { exact: true }).waitFor();
  return {
    shell,
    browser,
    till,
    customer,
    close: async () => {
      await browser.close();
      await shell.stop();
    },
  };
}

/** A request to the sandbox simulator's control API (GET without a body, POST JSON with one). */
export async function simulatorRequest(shell: Shell, path: string, body?: unknown): Promise<Response> {
  if (!shell.simulatorUrl) throw new Error('the shell announced no simulator: is it in sandbox mode?');
  return fetch(`${shell.simulatorUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** One contract command through the shell's HTTP API with the session token, as the till page sends it. */
export async function tillCommand(shell: Shell, name: string, body: unknown): Promise<{ ok: boolean }> {
  const url = new URL(shell.tillUrl);
  const res = await fetch(new URL(`/api/command/${name}`, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-till-token': url.searchParams.get('token') ?? '' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { ok: boolean };
}

/** The order OTTPay (the sandbox simulator) got last. */
export async function newestSimOrder(
  shell: Shell,
): Promise<{ orderId: string; amountCents: number; tipCents: number; createdAt: number }> {
  const res = await simulatorRequest(shell, '/_sim/orders');
  const orders = (await res.json()) as Array<{
    orderId: string;
    amountCents: number;
    tipCents: number;
    createdAt: number;
  }>;
  const newest = orders.sort((a, b) => b.createdAt - a.createdAt)[0];
  if (!newest) throw new Error('OTTPay got no order');
  return newest;
}

/**
 * Gives the core a scanner's key presses through the 'wedge.keys' command (with the session token), so the scan is read by the core rather than by the page.
 */
export async function feedCoreWedgeKeys(shell: Shell, code: string): Promise<void> {
  const body = await tillCommand(shell, 'wedge.keys', { events: scannerKeys(code) });
  if (!body.ok) throw new Error(`wedge.keys refused: ${JSON.stringify(body)}`);
}

/** The page's address with one more query parameter (the shell's URLs carry the session token). */
export function withParam(address: string, name: string): string {
  const url = new URL(address);
  url.searchParams.set(name, '');
  return url.toString();
}

const SCANNER_STAMP_LEAD_S = 15;

/**
 * Types `code` and Enter as a wedge scanner would, as trusted key events whose timestamps are set
 * through the DevTools protocol: `gapMs` apart whatever the machine's load, so the page's detector sees
 * scanner timing even when the keys are delivered slowly. The stamps start well ahead of now (the
 * detector's idle timer runs on the stamps), so it cannot end the scan while later keys are still on
 * their way, even when each key takes a loaded machine a few hundred milliseconds to deliver; the
 * Enter at the end completes the scan at once.
 */
export async function typeAsScanner(
  page: Page,
  code: string,
  gapMs = 3,
  /** One pause inside the code, as some scanners make: `ms` long, after `after` characters. */
  pause?: { after: number; ms: number },
): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  // DevTools takes key times in seconds since the epoch.
  const startMs = Date.now() + SCANNER_STAMP_LEAD_S * 1000;
  try {
    for (const [i, k] of scannerKeys(code, { start: startMs, gapMs }).entries()) {
      const at = (k.t + (pause && i >= pause.after ? pause.ms : 0)) / 1000;
      const vk = k.key === 'Enter' ? 13 : k.key.toUpperCase().charCodeAt(0);
      const common = { key: k.key, code: k.code, windowsVirtualKeyCode: vk };
      const text = k.key === 'Enter' ? '\r' : k.key;
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...common, text, timestamp: at });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common, timestamp: at + 0.001 });
    }
  } finally {
    await cdp.detach();
  }
}

const PERSON_STAMP_LEAD_MS = 2000;

/**
 * Types `text` as a person would, `gapMs` apart (default 80 ms a key; '\n' is Enter), as trusted key
 * events stamped through the DevTools protocol. The stamps start ahead of now, so the page's wedge
 * detector still holds the last keys when the test acts next, however fast or loaded the machine:
 * the worst case for a cashier who clicks at once.
 */
export async function typeAsPerson(page: Page, text: string, gapMs = 80): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const start = Date.now() + PERSON_STAMP_LEAD_MS;
  try {
    for (const [i, c] of [...text].entries()) {
      const at = (start + i * gapMs) / 1000; // DevTools takes key times in seconds since the epoch
      const k = personKey(c);
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...k, timestamp: at });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...k, text: '', timestamp: at + 0.001 });
    }
  } finally {
    await cdp.detach();
  }
}

function personKey(c: string): { key: string; code: string; text: string; windowsVirtualKeyCode: number } {
  if (c === '\n') return { key: 'Enter', code: 'Enter', text: '\r', windowsVirtualKeyCode: 13 };
  if (c === ' ') return { key: ' ', code: 'Space', text: ' ', windowsVirtualKeyCode: 32 };
  if (c === '.') return { key: '.', code: 'Period', text: '.', windowsVirtualKeyCode: 190 };
  if (/^\d$/.test(c)) return { key: c, code: `Digit${c}`, text: c, windowsVirtualKeyCode: c.charCodeAt(0) };
  const upper = c.toUpperCase();
  return { key: c, code: `Key${upper}`, text: c, windowsVirtualKeyCode: upper.charCodeAt(0) };
}

/** Changes the till's settings through the command API with the owner's PIN; throws if the till refuses. */
export async function updateSettings(shell: Shell, patch: Record<string, unknown>): Promise<void> {
  const answer = await tillCommand(shell, 'settings.update', { patch, pin: shell.pin });
  if (!answer.ok) throw new Error(`settings.update refused: ${JSON.stringify(answer)}`);
}

/**
 * The cashier pairs `display` (a customer page on a touch screen, showing "Pair this display") with the
 * code the till shows in Settings → Customer side, and goes back to the sale; resolves once the paired
 * display has loaded again.
 */
export async function pairCustomerDisplay(till: Page, display: Page): Promise<void> {
  await till.getByRole('button', { name: 'Settings', exact: true }).click();
  await till.getByRole('button', { name: 'Pair the customer display' }).click();
  const shown = (await till.getByTestId('customer-pair-code').textContent()) ?? '';
  const code = /(\d{3}) (\d{3})/.exec(shown);
  if (!code) throw new Error(`no pairing code on the till: ${shown}`);
  await till.getByRole('button', { name: 'Sale', exact: true }).click();
  await display.getByRole('button', { name: 'Pair this display' }).tap();
  await display.getByLabel('Pairing code shown on the till').fill(`${code[1]} ${code[2]}`);
  await Promise.all([
    display.waitForEvent('load'),
    display.getByRole('button', { name: 'Pair', exact: true }).tap(),
  ]);
}

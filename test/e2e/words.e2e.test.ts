// Issue 15, item 6: words. Every screen of the till and the customer display, opened in a
// pseudo-locale (`?pseudo`: every message wrapped in ⟦…⟧ and accented), shows no text that skipped
// the message table — numbers, amounts, order ids, codes, port paths, staff names and Intl-formatted
// dates excepted. The screen printer's receipt is shown as it prints, in the receipt's language: its
// words come from the receipt's own table. And Chinese renders with the bundled Noto Sans SC slices
// on a machine with no CJK font of its own.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { FIRST_OWNER_NAME } from '../../electron/core/staff/first-owner.ts';
import { en, type MessageKey } from '../../renderer/i18n/en.ts';
import { pseudoLocalize } from '../../renderer/i18n/pseudo.ts';
import { RECEIPT_WORDS, WALLET_WORDS } from '../../shared/printing/receipt-words.ts';
import {
  newestSimOrder,
  openTillSession,
  simulatorRequest,
  type TillSession,
  tillCommand,
  typeAsScanner,
  walletCode,
  withParam,
} from './harness.ts';

const P = (key: MessageKey, params: Record<string, string> = {}) =>
  pseudoLocalize(en[key]).replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

// Page-side code is passed as text: this project's Node typecheck has no DOM library.
/** Names people gave (the sandbox's first owner): data, shown as they were entered. */
const DATA = [FIRST_OWNER_NAME];

/**
 * Visible text (and placeholders) left once every ⟦…⟧ message is taken out: words nobody translated.
 * The receipt paper is left to RECEIPT_LINES.
 */
const UNTRANSLATED = `(() => {
  const data = new Set(${JSON.stringify(DATA)});
  const intl = new Set();
  const fmt = new Intl.DateTimeFormat(document.documentElement.lang === 'fr' ? 'fr-CA' : document.documentElement.lang === 'zh' ? 'zh-CN' : 'en-CA', { dateStyle: 'medium', timeStyle: 'medium' });
  for (let m = 0; m < 12; m++) for (const h of [1, 13]) {
    for (const part of fmt.formatToParts(new Date(2026, m, 10, h))) if (part.type === 'month' || part.type === 'dayPeriod') intl.add(part.value.replace(/\\.$/, ''));
  }
  const bad = new Set();
  const check = (text) => {
    let rest = text;
    for (let before = ''; before !== rest; ) { before = rest; rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' '); }
    if (data.has(rest.trim())) return;
    rest = rest.replace(/(^|\\s)\\/[\\w.\\/-]+/g, ' '); // a port path (/dev/ttyS0) is a value
    for (const token of rest.split(/[\\s·:,;()\\/|–—→•✓✕.%$€£¥+\\-]+/)) {
      // Numbers, amounts, ids and codes (CAD, CRLF: upper-case codes) are the same in every language.
      if (token === '' || /\\d/.test(token) || /^[A-Z]{2,5}$/.test(token) || intl.has(token)) continue;
      if (/\\p{L}{2,}/u.test(token)) bad.add(text.trim());
    }
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('script, style, [data-testid="receipt-paper"]')) continue;
    if (!el.closest('option') && el.getClientRects().length === 0) continue;
    check(n.textContent ?? '');
  }
  for (const input of document.querySelectorAll('input[placeholder]')) check(input.placeholder);
  return [...bad];
})()`;

/** The lines of each receipt the screen printer shows. */
const RECEIPT_LINES = `[...document.querySelectorAll('[data-testid="receipt-paper"] .receipt-line')].map((l) => l.textContent ?? '')`;

/** Every word of the receipt tables, longest first (so "Wallet txn" goes before "Wallet"). */
const RECEIPT_VOCABULARY = [
  ...new Set(
    [...Object.values(RECEIPT_WORDS), ...Object.values(WALLET_WORDS)].flatMap((table) =>
      Object.values(table),
    ),
  ),
].sort((a, b) => b.length - a.length);

/** Receipt lines with a word that is not from the receipt's tables (nor a number, id or code). */
function unknownReceiptWords(lines: string[]): string[] {
  return lines.filter((line) => {
    let rest = line;
    for (const word of RECEIPT_VOCABULARY) rest = rest.split(word).join(' ');
    return rest
      .split(/[\s·:,;()/|–—→•✓✕.%$€£¥+\-=]+/)
      .some(
        (token) =>
          token !== '' && !/\d/.test(token) && !/^[A-Z]{2,5}$/.test(token) && /\p{L}{2,}/u.test(token),
      );
  });
}

async function expectAllTranslated(page: Page, where: string): Promise<void> {
  const bad = (await page.evaluate(UNTRANSLATED)) as string[];
  assert.deepEqual(bad, [], `untranslated text on ${where}`);
  const receipt = (await page.evaluate(RECEIPT_LINES)) as string[];
  assert.deepEqual(
    unknownReceiptWords(receipt),
    [],
    `receipt words not from the receipt's tables on ${where}`,
  );
}

describe('every screen in a pseudo-locale', () => {
  let session: TillSession | undefined;
  let till: Page;
  let customer: Page;

  before(async () => {
    session = await openTillSession();
    ({ till, customer } = session);
    await till.goto(withParam(session.shell.tillUrl, 'pseudo'));
    await customer.goto(withParam(session.shell.customerUrl, 'pseudo'));
  });

  after(async () => {
    await session?.close();
  });

  const amount = () => till.getByLabel(P('amount.label'), { exact: true });
  const newSale = async () => {
    const button = till.getByRole('button', { name: P('common.newSale') });
    if (await button.isVisible()) await button.click();
    await amount().waitFor();
  };

  it('the amount screen: empty, over the limit, refused, with a custom tip', async () => {
    await amount().waitFor();
    await expectAllTranslated(till, 'the empty amount screen');
    await expectAllTranslated(customer, 'the welcome display');
    await amount().fill('99999');
    await till.keyboard.press('w');
    await till.getByRole('alert').first().waitFor();
    await expectAllTranslated(till, 'an amount over the limit');
    await amount().fill('12.34');
    await till.getByRole('button', { name: P('tip.custom') }).click();
    await expectAllTranslated(till, 'the custom tip');
    await till.getByRole('button', { name: P('tip.none') }).click();
  });

  it('the scan screen, the QR screen, paid and declined', async () => {
    if (!session) throw new Error('no session');
    await amount().fill('12.34');
    await till.keyboard.press('Enter');
    await till.getByRole('heading', { name: P('scan.title') }).waitFor();
    await expectAllTranslated(till, 'the scan screen');
    await expectAllTranslated(customer, 'the display while scanning');
    await till.getByRole('button', { name: P('common.cancel') }).click();
    await amount().waitFor();

    await till.keyboard.press('w');
    await customer.getByTestId('qr').waitFor();
    await expectAllTranslated(till, 'the QR screen');
    await expectAllTranslated(customer, 'the QR display');
    const order = await newestSimOrder(session.shell);
    await simulatorRequest(session.shell, `/_sim/orders/${order.orderId}/pay`, {});
    await till.getByRole('button', { name: P('common.newSale') }).waitFor({ timeout: 20_000 });
    await till.getByTestId('receipt-paper').waitFor(); // the screen printer shows the receipt
    await expectAllTranslated(till, 'a paid sale');
    await expectAllTranslated(customer, 'the paid display');

    await newSale();
    await amount().fill('5.99'); // 99: declined
    await till.keyboard.press('Enter');
    await till.getByLabel(P('scan.manualLabel'), { exact: true }).fill(walletCode('ALIPAY'));
    await till.getByRole('button', { name: P('scan.submit') }).click();
    await till.getByRole('button', { name: P('status.tryAgain') }).waitFor({ timeout: 20_000 });
    await expectAllTranslated(till, 'a declined sale');
    await expectAllTranslated(customer, 'the declined display');
    await newSale();
  });

  it('history with a refund dialog, the report with a reconciliation, needs attention', async () => {
    await till.getByRole('button', { name: P('nav.history') }).click();
    await till
      .getByRole('button', { name: P('history.refund') })
      .first()
      .waitFor();
    await expectAllTranslated(till, 'history');
    await till
      .getByRole('button', { name: P('history.refund') })
      .first()
      .click();
    await till.getByRole('dialog').waitFor();
    await expectAllTranslated(till, 'the refund dialog');
    await till.keyboard.press('Escape');

    // A refund OTTPay refuses is an error with its reason, never a green "done" notice.
    if (!session) throw new Error('no session');
    await simulatorRequest(session.shell, '/_sim/faults', {
      add: { mode: 'rsp_code', action: 'REFUND', rspCode: 'FAIL' },
    });
    await till
      .getByRole('button', { name: P('history.refund') })
      .first()
      .click();
    await till.getByLabel(P('pin.label')).fill(session.shell.pin ?? '');
    await till
      .getByRole('dialog')
      .getByRole('button', { name: P('refund.confirm') })
      .click();
    const alert = till.getByRole('alert').filter({ hasText: '⟦Rëfüñd øf' });
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /fáïlëd: .+⟧/, 'the reason follows');
    assert.equal(await till.locator('.notice').count(), 0, 'no notice says it was done');
    await expectAllTranslated(till, 'a refused refund');

    await till.getByRole('button', { name: P('nav.report') }).click();
    // Orders OTTPay cannot be asked about (every try of every query is cut): rows of differences.
    await simulatorRequest(session.shell, '/_sim/faults', {
      add: { mode: 'drop', action: 'STATUS_QUERY', count: 12 },
    });
    await till.getByRole('button', { name: P('report.reconcile') }).click();
    await till.getByTestId('reconcile-result').getByRole('row').nth(1).waitFor({ timeout: 30_000 });
    await simulatorRequest(session.shell, '/_sim/faults', { next: [] });
    await expectAllTranslated(till, 'the report');

    await till.getByRole('button', { name: P('nav.attention') }).click();
    await expectAllTranslated(till, 'needs attention');
  });

  it('settings, with the serial ports and the live scanner test', async () => {
    await till.getByRole('button', { name: P('nav.settings') }).click();
    await till.getByTestId('scan-timing').waitFor();
    await till.locator('body').click({ position: { x: 5, y: 5 } }); // no field focused
    await typeAsScanner(till, walletCode('WECHATPAY')); // one line in the scanner test, and its timing
    await till.locator('.scan-log li').first().waitFor();
    await till.locator('.scan-gaps').waitFor();
    await expectAllTranslated(till, 'settings');
    await till.getByRole('button', { name: P('nav.sale') }).click();
  });

  it('the shift (X and Z reports), the staff accounts, the lock screen', async () => {
    if (!session) throw new Error('no session');
    const pin = session.shell.pin ?? '';
    await till.getByRole('button', { name: P('nav.staff') }).click();
    await till.locator('tr[data-staff-id]').first().waitFor();
    await expectAllTranslated(till, 'the staff accounts');
    // Resetting a PIN: the dialog, and its refusal of an empty new PIN (nothing changes).
    await till
      .getByRole('button', { name: P('staff.resetPin') })
      .first()
      .click();
    const reset = till.getByRole('dialog');
    await reset.getByLabel(P('pin.label')).fill(pin);
    await reset.getByRole('button', { name: P('staff.resetPin') }).click();
    await reset.getByRole('alert').waitFor();
    await expectAllTranslated(till, 'resetting a PIN');
    await reset.getByRole('button', { name: P('common.cancel') }).click();

    await till.getByRole('button', { name: P('nav.shift') }).click();
    await till.getByTestId('shift-report-X').waitFor();
    await expectAllTranslated(till, 'the X report');
    await till.getByRole('button', { name: P('shift.close') }).click();
    const dialog = till.getByRole('dialog');
    await dialog.getByLabel(P('pin.label')).fill(pin);
    const acknowledge = dialog.getByLabel(P('shift.acknowledge'));
    if (await acknowledge.isVisible()) await acknowledge.check();
    await expectAllTranslated(till, 'closing the shift');
    await dialog.getByRole('button', { name: P('pin.confirm') }).click();
    await till.getByTestId('shift-differences').waitFor({ timeout: 30_000 });
    await expectAllTranslated(till, 'the Z report');

    await till.getByRole('button', { name: P('staff.lock') }).click();
    const pinField = till.getByLabel(P('signin.pin'), { exact: true });
    await pinField.waitFor();
    await expectAllTranslated(till, 'the lock screen');
    await pinField.fill('9999'); // not a PIN of this till
    await pinField.press('Enter');
    await till.getByRole('alert').first().waitFor();
    await expectAllTranslated(till, 'a wrong PIN on the lock screen');
    await pinField.fill(pin);
    await pinField.press('Enter');
    await amount().waitFor();
  });
});

/** Draws each character alone on a canvas and compares it with an unassigned code point's box. */
const TOFU_CHARS = `(async () => {
  await document.fonts.ready;
  // Each Chinese character with the font stack of the element that shows it (a <kbd> has its own).
  const seen = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.getClientRects().length === 0) continue;
    const font = getComputedStyle(el).fontFamily;
    for (const c of n.textContent ?? '') if (c.codePointAt(0) >= 0x2e80) seen.set(c + '\\u0000' + font, [c, font]);
  }
  const canvas = document.createElement('canvas');
  canvas.width = 40;
  canvas.height = 40;
  const g = canvas.getContext('2d', { willReadFrequently: true });
  const draw = (c, font) => {
    g.clearRect(0, 0, 40, 40);
    g.font = '28px ' + font;
    g.fillText(c, 4, 30);
    return g.getImageData(0, 0, 40, 40).data.join(',');
  };
  const pairs = [...seen.values()];
  await Promise.all(pairs.map(([c, font]) => document.fonts.load('28px ' + font, c)));
  const tofu = pairs.filter(([c, font]) => draw(c, font) === draw('\\u{E000}', font)).map(([c]) => c);
  return { count: pairs.length, tofu };
})()`;

describe('Chinese renders with the bundled font', () => {
  let session: TillSession | undefined;

  before(async () => {
    session = await openTillSession();
  });

  after(async () => {
    await session?.close();
  });

  it('every Chinese character on the till and the customer display has a glyph, not a box', async () => {
    if (!session) throw new Error('no session');
    const pin = session.shell.pin;
    assert.ok(pin, 'a sandbox till announces its PIN');
    const answer = await tillCommand(session.shell, 'settings.update', {
      patch: { operatorLanguage: 'zh', customerLanguage: 'zh' },
      pin,
    });
    assert.ok(answer.ok, 'the languages are saved');
    const { till, customer } = session;
    await till.getByRole('button', { name: '收款', exact: true }).waitFor();
    await customer.getByRole('heading', { name: '欢迎光临' }).waitFor();
    for (const [page, where] of [
      [till, 'till'],
      [customer, 'customer display'],
    ] as const) {
      const { count, tofu } = (await page.evaluate(TOFU_CHARS)) as { count: number; tofu: string[] };
      assert.ok(count > 5, `${where}: Chinese is shown (${count} characters)`);
      assert.deepEqual(tofu, [], `${where}: characters drawn as empty boxes`);
      const loaded = (await page.evaluate(
        `[...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Till Noto Sans SC' && f.status === 'loaded').length`,
      )) as number;
      assert.ok(loaded > 0, `${where}: the bundled Noto Sans SC slices were used`);
    }
  });
});

// Issue 21, item 2 ("on paid (and on refund)"): a refund the gateway confirms is said once, in the
// operator's language, like the payment; a refund OTTPay refuses or that is only being checked is
// never said; one first being checked and confirmed later (after its dialog closed) is said then, once.
// Real Chromium on the browser shell; the page tells each announcement with `till-spoken`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { announcement } from '../../shared/speech/announcement.ts';
import {
  enterCodeByHand,
  openTillSession,
  pollUntil,
  simulatorRequest,
  type TillSession,
  toNewSale,
  updateSettings,
  walletCode,
} from './harness.ts';

const RECORD = `(() => {
  window.__spoken = [];
  window.addEventListener('till-spoken', (e) => window.__spoken.push(e.detail));
})()`;
const spoken = async (page: Page) =>
  ((await page.evaluate('window.__spoken')) as Array<{ sentence: string; kind: string }>).map(
    (s) => `${s.kind}: ${s.sentence}`,
  );
const said = (kind: 'paid' | 'refund', cents: number, lang: 'en' | 'fr' | 'zh') =>
  `${kind}: ${announcement(kind, 'WECHATPAY', cents, 'CAD', lang).sentence}`;

describe('the spoken refund', () => {
  let session: TillSession | undefined;
  let till: Page;
  let orderId = '';

  before(async () => {
    session = await openTillSession();
    till = session.till;
    await till.evaluate(RECORD);
  });

  after(async () => {
    await session?.close();
  });

  const settings = async (patch: Record<string, unknown>) => {
    if (!session) throw new Error('no session');
    await updateSettings(session.shell, patch);
  };

  /** Refunds `amount` of the paid order from History, in the UI's words of `words`. */
  const refund = async (amount: string, words: Words) => {
    if (!session) throw new Error('no session');
    await till.getByRole('button', { name: words.history }).click();
    await till.getByLabel(words.search).fill(orderId);
    await till.getByLabel(words.search).press('Enter');
    const row = till.locator(`tr[data-order-id="${orderId}"]`);
    await row.getByRole('button', { name: words.refund }).click();
    const dialog = till.getByRole('dialog');
    await dialog.getByLabel(words.amount).fill(amount);
    await dialog.getByLabel(words.pin).fill(session.shell.pin ?? '');
    await dialog.getByRole('button', { name: words.refund, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  };
  type Words = Record<'history' | 'search' | 'refund' | 'amount' | 'pin', string>;
  const EN: Words = {
    history: 'History',
    search: 'Order id or text',
    refund: 'Refund',
    amount: 'Refund amount',
    pin: 'Supervisor PIN',
  };
  const FR: Words = {
    history: 'Historique',
    search: 'Numéro de commande ou texte',
    refund: 'Rembourser',
    amount: 'Montant à rembourser',
    pin: 'NIP du superviseur',
  };
  const ZH: Words = {
    history: '历史记录',
    search: '订单号或文字',
    refund: '退款',
    amount: '退款金额',
    pin: '主管密码',
  };

  it('says a confirmed refund once, in English, after the payment it refunds', async () => {
    await settings({ operatorLanguage: 'en' });
    await toNewSale(till);
    await till.getByLabel('Amount', { exact: true }).fill('20.00');
    await till.keyboard.press('Enter');
    await enterCodeByHand(till, walletCode('WECHATPAY'));
    await till.getByRole('heading', { name: /Paid/ }).waitFor({ timeout: 20_000 });
    orderId = (await till.getByTestId('order-id').textContent()) ?? '';
    await pollUntil(async () => (await spoken(till)).length === 1, 'the payment is said');

    await refund('5.00', EN);
    await till
      .getByRole('status')
      .filter({ hasText: 'Refund of $5.00: refunded' })
      .waitFor({ timeout: 20_000 });
    await pollUntil(async () => (await spoken(till)).length === 2, 'the refund is said');
    // The history re-renders with the refund and the till moves on: still said once.
    await till.locator(`tr[data-order-id="${orderId}"]`).getByText('Refunded $5.00').waitFor();
    await till.getByRole('button', { name: 'Sale', exact: true }).click();
    await toNewSale(till);
    assert.deepEqual(await spoken(till), [said('paid', 2000, 'en'), said('refund', 500, 'en')]);
  });

  it('says it in the operator’s language: Chinese', async () => {
    await settings({ operatorLanguage: 'zh' });
    await refund('3.00', ZH);
    await pollUntil(async () => (await spoken(till)).length === 3, 'the refund is said');
    assert.equal((await spoken(till))[2], said('refund', 300, 'zh'));
    assert.equal((await spoken(till))[2], 'refund: 微信退款 三加元');
  });

  it('a refund OTTPay refuses, or one only being checked, is never said', async () => {
    if (!session) throw new Error('no session');
    await settings({ operatorLanguage: 'en' });
    const before = await spoken(till);
    // Refused: an error with its reason, nothing said.
    await simulatorRequest(session.shell, '/_sim/faults', {
      add: { mode: 'rsp_code', action: 'REFUND', rspCode: 'FAIL' },
    });
    await refund('1.00', EN);
    await till.getByRole('alert').filter({ hasText: 'Refund of $1.00 failed' }).waitFor({ timeout: 20_000 });
    // No answer from OTTPay: the till keeps checking the refund; nothing is said for it.
    await simulatorRequest(session.shell, '/_sim/faults', { add: { mode: 'drop', action: 'REFUND' } });
    await refund('2.00', EN);
    await till
      .getByRole('status')
      .filter({ hasText: 'Refund of $2.00: checking with OTTPay' })
      .waitFor({ timeout: 30_000 });
    // A refund that is said, next: had either of the two above been said, it would come before it.
    await refund('1.50', EN);
    await pollUntil(async () => (await spoken(till)).length > before.length, 'the next refund is said');
    assert.deepEqual((await spoken(till)).slice(before.length), [said('refund', 150, 'en')]);
  });

  it('a refund first being checked, then confirmed by the till’s check, is said then — once', async () => {
    if (!session) throw new Error('no session');
    await settings({ operatorLanguage: 'fr' });
    const before = await spoken(till);
    // OTTPay books the refund but its answer is lost: the dialog closes on "checking".
    await simulatorRequest(session.shell, '/_sim/faults', { add: { mode: 'lost_answer', action: 'REFUND' } });
    await refund('2.50', FR);
    await till
      .getByRole('status')
      .filter({ hasText: /Remboursement de 2,50\s\$/ })
      .waitFor({ timeout: 30_000 });
    // The till's own check confirms it later, with no dialog open: said then, in French.
    await pollUntil(
      async () => (await spoken(till)).length > before.length,
      'the later refund is said',
      30_000,
    );
    assert.deepEqual((await spoken(till)).slice(before.length), [said('refund', 250, 'fr')]);
    // Never twice: the next refund, said at once, is the only one after it.
    await refund('1.00', FR);
    await pollUntil(async () => (await spoken(till)).length > before.length + 1, 'the next refund is said');
    assert.deepEqual((await spoken(till)).slice(before.length), [
      said('refund', 250, 'fr'),
      said('refund', 100, 'fr'),
    ]);
  });
});

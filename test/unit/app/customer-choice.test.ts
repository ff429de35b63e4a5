// Issue 21, item 1: who may choose the tip and the language, and when. Only a display holding this
// sale's ask id, the tip only while it is asked (once), within the shop's tip limit, the percentage
// matching its amount; the language until the sale ends. Everything else is refused and changes nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCustomerChoices } from '../../../electron/core/app/customer-choice.ts';
import type { CustomerView, SaleView } from '../../../shared/domain.ts';

const VIEW: CustomerView = {
  phase: 'idle',
  amountCents: null,
  currency: 'CAD',
  wallet: null,
  qrPayload: null,
  expiresAt: null,
  language: 'en',
  sandbox: true,
};

function setup() {
  let n = 0;
  let changes = 0;
  const choices = createCustomerChoices({
    randomId: () => (++n).toString(16).padStart(32, 'a'),
    changed: () => changes++,
  });
  return { choices, changes: () => changes };
}

const askIdOf = (c: ReturnType<typeof setup>['choices']) => c.overlay(VIEW, null).tipAsk?.askId ?? '';

describe('the customer choice', () => {
  it('nothing is taken before the till asks', () => {
    const { choices, changes } = setup();
    const r = choices.choose({ askId: 'a'.repeat(32), tipCents: 100 });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.error.code, 'NOT_ALLOWED');
    assert.equal(changes(), 0);
    assert.equal(choices.tillView(), null);
  });

  it('the display showing the ask gets the presets with their amounts; its tap reaches the till', () => {
    const { choices } = setup();
    choices.ask(4000, [15, 18, 20], 100);
    const view = choices.overlay(VIEW, null);
    assert.equal(view.phase, 'entering');
    assert.deepEqual(view.tipAsk?.choices, [
      { percent: 15, tipCents: 600 },
      { percent: 18, tipCents: 720 },
      { percent: 20, tipCents: 800 },
    ]);
    assert.equal(choices.tillView()?.asking, true);
    const r = choices.choose({ askId: askIdOf(choices), tipCents: 720, tipPercent: 18 });
    assert.ok(r.ok);
    assert.deepEqual(
      { ...choices.tillView(), seq: 0 },
      { asking: false, amountCents: 4000, tipCents: 720, tipPercent: 18, language: null, seq: 0 },
    );
    assert.equal(choices.overlay(VIEW, null).tipAsk, undefined, 'the tip screen closes');
  });

  it('refuses another sale’s id, a malformed choice, a tip over the limit, a percentage that does not match', () => {
    const { choices } = setup();
    choices.ask(4000, [15], 50);
    const askId = askIdOf(choices);
    const refused = [
      { askId: 'b'.repeat(32), tipCents: 100 }, // not this sale's ask
      { askId, tipCents: 100, extra: 1 }, // strict
      { askId: 'not hex', tipCents: 100 },
      { askId, tipCents: -1 },
      { askId, tipCents: 2001 }, // over 50 % of 40.00
      { askId, tipCents: 601, tipPercent: 15 },
      { askId },
      null,
      'tip',
    ];
    for (const bad of refused) assert.equal(choices.choose(bad).ok, false, JSON.stringify(bad));
    assert.equal(choices.tillView()?.tipCents, null, 'nothing was taken');
    assert.equal(choices.tillView()?.asking, true);
  });

  it('the first tip wins; the cashier’s skip ends the ask; the language stays allowed for the sale', () => {
    const { choices } = setup();
    choices.ask(1000, [15], 100);
    const askId = askIdOf(choices);
    assert.ok(choices.choose({ askId, tipCents: 0 }).ok);
    assert.equal(choices.choose({ askId, tipCents: 500 }).ok, false, 'a second tip is refused');
    assert.ok(choices.choose({ askId, language: 'zh' }).ok);
    assert.equal(choices.overlay(VIEW, null).language, 'zh', 'the display switches for this sale');

    choices.ask(2000, [15], 100);
    const next = askIdOf(choices);
    assert.equal(choices.overlay(VIEW, null).language, 'en', 'a new ask starts in the shop’s language');
    choices.skip();
    assert.equal(choices.choose({ askId: next, tipCents: 300 }).ok, false, 'after Skip no tip is taken');
  });

  it('the sale’s language holds through its payment and ends with it', () => {
    const { choices } = setup();
    choices.ask(1000, [15], 100);
    assert.ok(choices.choose({ askId: askIdOf(choices), language: 'fr', tipCents: 150, tipPercent: 15 }).ok);
    const sale = { saleId: 's1', phase: 'in_progress' } as SaleView;
    assert.equal(choices.overlay({ ...VIEW, phase: 'qr' }, sale).language, 'fr');
    assert.equal(choices.overlay({ ...VIEW, phase: 'paid' }, { ...sale, phase: 'paid' }).language, 'fr');
    assert.equal(choices.overlay(VIEW, null).language, 'en', 'the next customer starts afresh');
    assert.equal(choices.tillView(), null);
  });
});

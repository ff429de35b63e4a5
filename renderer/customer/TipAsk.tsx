// The customer picks their tip (issue 21), on a touch customer display while the till asks: the
// amount, the shop's presets with what each adds, another amount, no tip — thumb-sized — and the
// display's language for this sale. Each tap goes to the till at once with this sale's ask id.
import { useState } from 'react';
import type { CustomerChoice, TipAskView } from '../../shared/customer-choice.ts';
import { LANGUAGES, type Language } from '../../shared/domain.ts';
import type { Currency } from '../../shared/money.ts';
import { parseAmount } from '../../shared/money.ts';
import type { Result } from '../../shared/result.ts';
import { money, t } from '../i18n/t.ts';
import { TipKeypad } from './TipKeypad.tsx';

export function TipAsk(props: {
  ask: TipAskView;
  lang: Language;
  currency: Currency;
  choose: (choice: CustomerChoice) => Promise<Result<null>>;
}) {
  const { ask, lang, currency } = props;
  const [custom, setCustom] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  const fmt = (cents: number) => money(lang, cents, currency);
  const send = async (choice: Omit<CustomerChoice, 'askId'>) => {
    const answer = await props.choose({ askId: ask.askId, ...choice });
    setRefused(!answer.ok);
  };
  const customCents = custom === null ? null : parseAmount(custom, ask.maxTipCents);
  return (
    <section className="customer-tip" data-testid="customer-tip">
      <h1>{t(lang, 'customerTip.title')}</h1>
      <p className="customer-amount">
        <strong data-testid="customer-amount">{fmt(ask.amountCents)}</strong>
      </p>
      {custom === null ? (
        <>
          <div className="customer-tip-choices" data-presets={ask.choices.length}>
            {ask.choices.map((c) => (
              <button
                key={c.percent}
                type="button"
                className="customer-tip-button"
                onClick={() => void send({ tipCents: c.tipCents, tipPercent: c.percent })}
              >
                <span className="customer-tip-percent">{c.percent} %</span>
                <span>+{fmt(c.tipCents)}</span>
              </button>
            ))}
            <button type="button" className="customer-tip-button" onClick={() => setCustom('')}>
              {t(lang, 'customerTip.custom')}
            </button>
            <button type="button" className="customer-tip-button" onClick={() => void send({ tipCents: 0 })}>
              {t(lang, 'customerTip.none')}
            </button>
          </div>
          <fieldset className="customer-languages">
            <legend>{t(lang, 'customerTip.language')}</legend>
            {LANGUAGES.map((l) => (
              <button
                key={l}
                type="button"
                lang={l}
                aria-pressed={l === lang}
                className="customer-language-button"
                onClick={() => void send({ language: l })}
              >
                {t(lang, `customerTip.lang.${l}`)}
              </button>
            ))}
          </fieldset>
        </>
      ) : (
        // Another amount: the keypad takes the choices' place (beside the amount on a landscape
        // screen), so the whole of it fits a 7" 800×480 display; Back returns to the choices.
        <form
          className="customer-tip-custom"
          onSubmit={(e) => {
            e.preventDefault();
            if (customCents?.ok) void send({ tipCents: customCents.cents });
          }}
        >
          <div className="customer-tip-entry">
            <label htmlFor="customer-tip-amount">{t(lang, 'customerTip.customLabel')}</label>
            <input
              id="customer-tip-amount"
              inputMode="decimal"
              value={custom}
              onChange={(e) => setCustom(e.target.value.replace(/[^\d.,]/g, ''))}
            />
            <button type="submit" className="customer-tip-button" disabled={!customCents?.ok}>
              {t(lang, 'customerTip.ok')}
            </button>
            <button type="button" className="customer-tip-button" onClick={() => setCustom(null)}>
              {t(lang, 'customerTip.back')}
            </button>
          </div>
          <TipKeypad lang={lang} value={custom} onChange={setCustom} />
        </form>
      )}
      {refused && <p role="alert">{t(lang, 'customerTip.refused')}</p>}
    </section>
  );
}

/** A display a customer can tap: a touchscreen (a tablet, a touch monitor). */
export function isTouchDisplay(): boolean {
  return navigator.maxTouchPoints > 0 || window.matchMedia('(pointer: coarse)').matches;
}

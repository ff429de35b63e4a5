// The till's side of the customer's tip (issue 21): with the setting on, "Customer picks the tip" asks
// the touch customer display for the amount keyed; while it asks the cashier can skip; the customer's
// choice arrives in the snapshot and becomes this screen's tip at once. When no display can answer the
// ask (shared/customer-display-presence.ts), the cashier is told so at once instead of waiting.
import { useEffect, useRef } from 'react';
import { centsToPlain, tipFromPercent } from '../../../shared/money.ts';
import { money } from '../../i18n/t.ts';
import { run, useTill } from '../till-context.ts';
import type { TipChoice } from './TipPicker.tsx';

export function CustomerTipAsk({
  amountCents,
  onChosen,
}: {
  amountCents: number | null;
  onChosen: (tip: TipChoice) => void;
}) {
  const { api, tr, lang, settings, snapshot } = useTill();
  const choice = snapshot.customerChoice ?? null;
  // A choice is applied once, when it arrives (its seq is new).
  const applied = useRef(choice?.seq ?? 0);
  useEffect(() => {
    if (!choice || choice.seq === applied.current) return;
    applied.current = choice.seq;
    if (choice.tipCents === null || choice.amountCents === null) return;
    const preset =
      choice.tipPercent !== null && tipFromPercent(choice.amountCents, choice.tipPercent) === choice.tipCents;
    if (choice.tipCents === 0) onChosen({ kind: 'none' });
    else if (preset && choice.tipPercent !== null) onChosen({ kind: 'percent', percent: choice.tipPercent });
    else onChosen({ kind: 'custom', text: centsToPlain(choice.tipCents) });
  }, [choice, onChosen]);
  if (!settings.customerSide.customerPicksTip) return null;
  const fmt = (cents: number) => money(lang, cents, settings.currency);
  // No display can answer (none paired and connected, no customer window): say so now, with the skip.
  if (choice?.asking && snapshot.customerDisplay?.canAnswerTipAsk === false) {
    return (
      <p className="customer-tip-asking customer-tip-no-display" role="alert">
        {tr('customerTip.noDisplay')}{' '}
        <button type="button" onClick={() => void run(api, 'customer.skipTip', {})}>
          {tr('customerTip.skip')}
        </button>
      </p>
    );
  }
  if (choice?.asking) {
    return (
      <p className="customer-tip-asking" role="status">
        {tr('customerTip.asking')}{' '}
        <button type="button" onClick={() => void run(api, 'customer.skipTip', {})}>
          {tr('customerTip.skip')}
        </button>
      </p>
    );
  }
  return (
    <p className="customer-tip-ask">
      <button
        type="button"
        disabled={amountCents === null}
        onClick={() => amountCents !== null && void run(api, 'customer.askTip', { amountCents })}
      >
        {tr('customerTip.ask')}
      </button>
      {choice?.tipCents != null && (
        <span data-testid="customer-tip-chosen">
          {' '}
          {tr('customerTip.chosen', { tip: fmt(choice.tipCents) })}
        </span>
      )}
    </p>
  );
}

import { useState } from 'react';
import type { AttemptView } from '../../../shared/domain.ts';
import { parseAmount } from '../../../shared/money.ts';
import { errorText } from '../../i18n/error-text.ts';
import { reasonText } from '../../i18n/reason-text.ts';
import { money } from '../../i18n/t.ts';
import { amountProblemText } from '../../i18n/words.ts';
import { cleanAmountText } from '../amount-text.ts';
import { run, useTill } from '../till-context.ts';
import { PinDialog } from './PinDialog.tsx';

/** Partial or full refund of a paid attempt; the core checks the PIN and what remains refundable. */
export function RefundDialog(props: {
  attempt: AttemptView;
  /** `failed`: the gateway refused the refund; `message` then says why. */
  onDone: (message: string, failed: boolean) => void;
  onClose: () => void;
}) {
  const { api, tr, lang } = useTill();
  const { attempt } = props;
  const remaining = attempt.amountCents + attempt.tipCents - attempt.refundedCents;
  const [text, setText] = useState((remaining / 100).toFixed(2));
  const fmt = (cents: number) => money(lang, cents, attempt.currency);
  const confirm = async (pin: string): Promise<string | null> => {
    const parsed = parseAmount(text, remaining);
    if (!parsed.ok) return amountProblemText(tr, lang, attempt.currency, parsed);
    const result = await run(api, 'refund.create', {
      attemptId: attempt.attemptId,
      amountCents: parsed.cents,
      pin,
    });
    if (!result.ok) return errorText(tr, result.error);
    const refund = result.value;
    const amount = fmt(refund.amountCents);
    if (refund.state === 'failed') {
      const reason = refund.reason ? reasonText(tr, refund.reason) : null;
      props.onDone(
        reason ? tr('refund.failedWith', { amount, reason }) : tr('refund.failedNoReason', { amount }),
        true,
      );
    } else {
      // A refund confirmed (now or later) is said by useSpokenRefunds, from the core's refund.changed.
      props.onDone(tr('refund.done', { amount, state: tr(`refundState.${refund.state}`) }), false);
    }
    return null;
  };
  return (
    <PinDialog
      title={tr('refund.title', { orderId: attempt.orderId })}
      confirmLabel={tr('refund.confirm')}
      onConfirm={confirm}
      onClose={props.onClose}
    >
      <p>{tr('refund.remaining', { amount: fmt(remaining) })}</p>
      <label htmlFor="refund-amount">{tr('refund.amount')}</label>
      <input
        id="refund-amount"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(cleanAmountText(e.target.value))}
      />
      <button type="button" onClick={() => setText((remaining / 100).toFixed(2))}>
        {tr('refund.full')}
      </button>
    </PinDialog>
  );
}

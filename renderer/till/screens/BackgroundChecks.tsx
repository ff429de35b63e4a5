import type { AttemptView } from '../../../shared/domain.ts';
import { money } from '../../i18n/t.ts';
import { run, useTill } from '../till-context.ts';

/**
 * Payments of earlier sales the till is still resolving with OTTPay (set aside, or left by a restart).
 * Shown where a new charge starts, so nobody charges the same sale again without seeing that the
 * first payment may still land.
 */
export function BackgroundChecks() {
  const { snapshot, tr, lang, api } = useTill();
  const pending = snapshot.background;
  if (pending.length === 0) return null;
  return (
    <section className="background-checks" role="status" data-testid="background-checks">
      <h2>{tr('background.title')}</h2>
      <ul>
        {pending.map((a: AttemptView) => (
          <li key={a.attemptId}>
            <strong>{money(lang, a.amountCents + a.tipCents, a.currency)}</strong> {tr(`wallet.${a.wallet}`)}{' '}
            · {tr('status.orderId')} {a.orderId}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => void run(api, 'attempt.recheck', { attemptId: a.attemptId })}
            >
              {tr('status.checkNow')}
            </button>
          </li>
        ))}
      </ul>
      <p className="hint">{tr('background.hint')}</p>
    </section>
  );
}

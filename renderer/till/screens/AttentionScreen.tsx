import { useState } from 'react';
import { type AttemptView, TERMINAL_ATTEMPT_STATES } from '../../../shared/domain.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { errorText } from '../../i18n/error-text.ts';
import { reasonText } from '../../i18n/reason-text.ts';
import { dateTime, money } from '../../i18n/t.ts';
import { run, useTill } from '../till-context.ts';
import { PinDialog } from './PinDialog.tsx';

type Override = { attempt: AttemptView; kind: 'paid' | 'failed' | 'acknowledge' };

/** A finished payment can only be booked paid (when the gateway confirms it) or acknowledged. */
const isFinished = (a: AttemptView) => TERMINAL_ATTEMPT_STATES.includes(a.state);

/** Attempts start-up recovery could not resolve. Overrides need evidence and the supervisor PIN. */
export function AttentionScreen() {
  const { api, tr, lang, snapshot } = useTill();
  const [error, setError] = useState<string | null>(null);
  const [override, setOverride] = useState<Override | null>(null);
  const recheck = (attempt: AttemptView) =>
    void run(api, 'attempt.recheck', { attemptId: attempt.attemptId }).then((r) =>
      setError(r.ok ? null : errorText(tr, r.error)),
    );
  return (
    <section className="attention">
      <h2>{tr('attention.title')}</h2>
      <ErrorNote message={error} />
      {snapshot.attentionCount === 0 && <p>{tr('attention.none')}</p>}
      {snapshot.attentionCount > snapshot.attention.length && (
        <p className="attention-more">
          {tr('attention.shownOfCount', { shown: snapshot.attention.length, count: snapshot.attentionCount })}
        </p>
      )}
      <ul className="attention-list">
        {snapshot.attention.map((attempt) => (
          <li key={attempt.attemptId} className="card">
            <strong className="mono">{attempt.orderId}</strong> · {tr(`wallet.${attempt.wallet}`)} ·{' '}
            {money(lang, attempt.amountCents + attempt.tipCents, attempt.currency)} ·{' '}
            {dateTime(lang, attempt.createdAt)} · {tr(`state.${attempt.state}`)}
            {attempt.reason && <p className="reason">{reasonText(tr, attempt.reason)}</p>}
            <div className="row">
              <button type="button" onClick={() => recheck(attempt)}>
                {tr('attention.recheck')}
              </button>
              {attempt.state !== 'paid' && (
                <button type="button" onClick={() => setOverride({ attempt, kind: 'paid' })}>
                  {tr('attention.markPaid')}
                </button>
              )}
              {isFinished(attempt) ? (
                <button type="button" onClick={() => setOverride({ attempt, kind: 'acknowledge' })}>
                  {tr('attention.acknowledge')}
                </button>
              ) : (
                <button type="button" onClick={() => setOverride({ attempt, kind: 'failed' })}>
                  {tr('attention.markFailed')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {override && <OverrideDialog override={override} onClose={() => setOverride(null)} />}
    </section>
  );
}

function OverrideDialog({ override, onClose }: { override: Override; onClose: () => void }) {
  const { api, tr } = useTill();
  const [txn, setTxn] = useState('');
  const [reason, setReason] = useState('');
  const { attempt, kind } = override;
  const confirm = async (pin: string): Promise<string | null> => {
    const attemptId = attempt.attemptId;
    const result =
      kind === 'paid'
        ? await run(api, 'override.markPaid', { attemptId, walletTxnId: txn, reason, pin })
        : kind === 'failed'
          ? await run(api, 'override.markFailed', { attemptId, reason, pin })
          : await run(api, 'attention.acknowledge', { attemptId, reason, pin });
    if (!result.ok) return errorText(tr, result.error);
    onClose();
    return null;
  };
  return (
    <PinDialog
      title={tr(
        `attention.${kind === 'paid' ? 'markPaid' : kind === 'failed' ? 'markFailed' : 'acknowledge'}`,
      )}
      onConfirm={confirm}
      onClose={onClose}
    >
      {kind === 'paid' && (
        <label>
          {tr('attention.walletTxn')}
          <input value={txn} onChange={(e) => setTxn(e.target.value)} />
        </label>
      )}
      <label>
        {tr('attention.reason')}
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
    </PinDialog>
  );
}

import { type ReactNode, useState } from 'react';
import type { ReconcileReport } from '../../../shared/contract.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { errorText } from '../../i18n/error-text.ts';
import { gatewayCellText, journalCellText, plural, reconcileNoteText } from '../../i18n/words.ts';
import { run, useTill } from '../till-context.ts';

type Difference = ReconcileReport['differences'][number];

/**
 * Asks OTTPay about every payment and refund of the day and lists where the journal disagrees.
 * Mount it with `key={date}`: a result (or a reconcile still running) belongs to its day. `children`
 * (other actions on the day) share the row of its button.
 */
export function ReconcilePanel({ date, children }: { date: string; children?: ReactNode }) {
  const { api, tr } = useTill();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReconcileReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reconcile = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    const r = await run(api, 'report.reconcile', { date });
    setBusy(false);
    if (r.ok) setResult(r.value);
    else setError(errorText(tr, r.error));
  };
  return (
    <section className="reconcile" aria-busy={busy}>
      <div className="row">
        <button type="button" onClick={() => void reconcile()} disabled={busy}>
          {tr('report.reconcile')}
        </button>
        {children}
      </div>
      {busy && (
        <p role="status">
          <progress aria-label={tr('report.reconciling')} /> {tr('report.reconciling')}
        </p>
      )}
      <ErrorNote message={error} />
      {result && <ReconcileResult report={result} />}
    </section>
  );
}

function ReconcileResult({ report }: { report: ReconcileReport }) {
  const { tr, lang } = useTill();
  return (
    <div data-testid="reconcile-result">
      <p data-testid="reconcile-checked">{plural(tr, lang, 'report.checked', report.checked)}</p>
      {report.differences.length === 0 ? (
        <p>{tr('report.noDifferences')}</p>
      ) : (
        <table className="table">
          <caption>{plural(tr, lang, 'report.differences', report.differences.length)}</caption>
          <thead>
            <tr>
              <th>{tr('status.orderId')}</th>
              <th>{tr('report.journal')}</th>
              <th>{tr('report.gateway')}</th>
              <th>{tr('report.note')}</th>
            </tr>
          </thead>
          <tbody>
            {keyed(report.differences).map(([key, d]) => (
              <tr key={key}>
                <td className="mono">{d.orderId}</td>
                <td>{journalCellText(tr, d.journal)}</td>
                <td>{gatewayCellText(tr, d.gateway)}</td>
                <td>{reconcileNoteText(tr, d.note)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Stable row keys from the content (the same call-back may be listed more than once). */
function keyed(differences: Difference[]): Array<[string, Difference]> {
  const seen = new Map<string, number>();
  return differences.map((d) => {
    const base = [d.orderId, d.journal, d.gateway, d.note].join('\u0000');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return [`${base}\u0000${n}`, d];
  });
}

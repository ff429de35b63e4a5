import { useCallback, useEffect, useState } from 'react';
import type { ShiftReport, ShiftSummary } from '../../../shared/staff.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { errorText } from '../../i18n/error-text.ts';
import { dateTime } from '../../i18n/t.ts';
import { downloadText } from '../screens/ExportCsvButton.tsx';
import { PinDialog } from '../screens/PinDialog.tsx';
import { run, useTill } from '../till-context.ts';
import { everyRefusal, useSaveWithPin } from '../useSaveWithPin.ts';
import { ShiftReportView } from './ShiftReportView.tsx';

/** The open shift's X report, its close (a supervisor's PIN) and past shifts' Z reports with CSV. */
export function ShiftScreen() {
  const { api, tr, lang, snapshot } = useTill();
  const [current, setCurrent] = useState<ShiftReport | null>(null);
  const [past, setPast] = useState<ShiftSummary[]>([]);
  const [shown, setShown] = useState<ShiftReport | null>(null);
  const [acknowledge, setAcknowledge] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [x, list] = await Promise.all([run(api, 'shift.current', {}), run(api, 'shift.list', {})]);
    if (x.ok) setCurrent(x.value);
    if (list.ok) setPast(list.value.filter((s) => s.closedAt !== null));
    setError(!x.ok ? errorText(tr, x.error) : !list.ok ? errorText(tr, list.error) : null);
  }, [api, tr]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads when the open shift changes
  useEffect(() => {
    void load();
  }, [load, snapshot.staff.shiftId, snapshot.sale?.phase]);

  // Closing a shift is approved with a supervisor's PIN; every refusal is said in the dialog.
  const closing = useSaveWithPin<'close'>({ staysInDialog: everyRefusal });
  const close = closing.confirm(
    (pin) => run(api, 'shift.close', { pin, acknowledgeUnresolved: acknowledge }),
    (report) => {
      setShown(report);
      void load();
      return null;
    },
  );

  const view = async (shiftId: number) => {
    const r = await run(api, 'shift.report', { shiftId });
    if (r.ok) setShown(r.value);
    else setError(errorText(tr, r.error));
  };

  const exportCsv = async (shiftId: number) => {
    const r = await run(api, 'shift.exportCsv', { shiftId });
    if (r.ok) downloadText(r.value.filename, r.value.csv, 'text/csv;charset=utf-8');
    else setError(errorText(tr, r.error));
  };

  return (
    <section className="shift">
      <ErrorNote message={error} />
      {current ? (
        <>
          <ShiftReportView report={current} />
          <button type="button" className="primary" onClick={() => closing.ask('close')}>
            {tr('shift.close')}
          </button>
        </>
      ) : (
        <p>{tr('shift.none')}</p>
      )}
      {shown && shown.kind === 'Z' && (
        <>
          <ShiftReportView report={shown} />
          <button type="button" onClick={() => void exportCsv(shown.shiftId)}>
            {tr('shift.export')}
          </button>
        </>
      )}
      {past.length > 0 && (
        <>
          <h2>{tr('shift.past')}</h2>
          <ul className="past-shifts">
            {past.map((s) => (
              <li key={s.shiftId}>
                {tr('shift.title', { id: s.shiftId })} · {dateTime(lang, s.closedAt ?? s.openedAt)}{' '}
                <button type="button" onClick={() => void view(s.shiftId)}>
                  {tr('shift.view')}
                </button>{' '}
                <button type="button" onClick={() => void exportCsv(s.shiftId)}>
                  {tr('shift.export')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {closing.asking && (
        <PinDialog title={tr('shift.closeTitle')} onConfirm={close} onClose={closing.cancel}>
          {current && current.unresolved.length > 0 && (
            <label className="check">
              <input
                type="checkbox"
                checked={acknowledge}
                onChange={(e) => setAcknowledge(e.target.checked)}
              />
              {tr('shift.acknowledge')}
            </label>
          )}
        </PinDialog>
      )}
    </section>
  );
}

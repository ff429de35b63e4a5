import type { Currency } from '../../../shared/money.ts';
import type { ShiftReport } from '../../../shared/staff.ts';
import { dateTime, money } from '../../i18n/t.ts';
import {
  gatewayCellText,
  journalCellText,
  journalEventText,
  plural,
  reconcileNoteText,
} from '../../i18n/words.ts';
import { TotalsTable, walletLabel } from '../screens/TotalsTable.tsx';
import { useTill } from '../till-context.ts';

/** One shift's report: the X report so far, or a closed shift's frozen Z report. */
export function ShiftReportView({ report }: { report: ShiftReport }) {
  const { tr, lang } = useTill();
  const fmt = (cents: number) => money(lang, cents, report.currency as Currency);
  return (
    <div className="shift-report" data-testid={`shift-report-${report.kind}`}>
      <h2>
        {tr('shift.title', { id: report.shiftId })} — {report.kind === 'X' ? tr('shift.x') : tr('shift.z')}
      </h2>
      <p>{tr('shift.opened', { time: dateTime(lang, report.openedAt), name: report.openedBy })}</p>
      {report.closedAt !== null && (
        <p>{tr('shift.closed', { time: dateTime(lang, report.closedAt), name: report.closedBy ?? '' })}</p>
      )}
      <dl className="facts totals">
        <dt>{tr('shift.payments')}</dt>
        <dd data-testid="shift-count">{report.count}</dd>
        <dt>{tr('report.gross')}</dt>
        <dd data-testid="shift-gross">{fmt(report.grossCents)}</dd>
        <dt>{tr('report.tips')}</dt>
        <dd>{fmt(report.tipCents)}</dd>
        <dt>{tr('report.refunds')}</dt>
        <dd data-testid="shift-refunds">
          {fmt(report.refunds.totalCents)} ({report.refunds.count})
        </dd>
        <dt>{tr('report.net')}</dt>
        <dd data-testid="shift-net">{fmt(report.netCents)}</dd>
      </dl>
      <h3>{tr('report.byWallet')}</h3>
      <TotalsTable
        heading={tr('status.wallet')}
        fmt={fmt}
        rows={report.byWallet.map((w) => ({ ...w, key: w.wallet, label: walletLabel(w.wallet, tr) }))}
      />
      <h3>{tr('shift.byCashier')}</h3>
      <TotalsTable
        heading={tr('history.cashier')}
        fmt={fmt}
        rowAttr="cashier"
        rows={report.byCashier.map((c) => ({ ...c, key: c.cashierId ?? '-', label: c.name || '—' }))}
      />
      {(report.overrides.length > 0 || report.acknowledgements.length > 0) && (
        <>
          <h3>{tr('shift.overrides')}</h3>
          <ul>
            {[...report.overrides, ...report.acknowledgements].map((o) => (
              <li key={`${o.orderId}-${o.at}-${o.type}`} className="mono">
                {o.orderId} {journalEventText(tr, o.type)} {o.note}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.unresolved.length > 0 && (
        <>
          <h3>{tr('shift.unresolved')}</h3>
          <ul>
            {report.unresolved.map((u) => (
              <li key={u.orderId} className="mono">
                {u.orderId} {tr(`state.${u.state}` as Parameters<typeof tr>[0])} {fmt(u.amountCents)}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.late.length > 0 && (
        <>
          <h3>{tr('shift.late')}</h3>
          <ul>
            {report.late.map((l) => (
              <li key={`${l.orderId}-${l.at}-${l.type}`} className="mono">
                {l.orderId} {journalEventText(tr, l.type)}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.reconciliation && (
        <>
          <h3 data-testid="shift-differences">
            {plural(tr, lang, 'shift.differences', report.reconciliation.differences.length)}
          </h3>
          <ul>
            {report.reconciliation.differences.map((d) => (
              <li key={d.orderId} className="mono">
                {d.orderId}: {journalCellText(tr, d.journal)} / {gatewayCellText(tr, d.gateway)} —{' '}
                {reconcileNoteText(tr, d.note)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

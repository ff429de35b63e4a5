import { useEffect, useState } from 'react';
import type { DailyReport } from '../../../shared/contract.ts';
import type { Currency } from '../../../shared/money.ts';
import { BarChart } from '../../components/BarChart.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { money } from '../../i18n/t.ts';
import { run, useTill } from '../till-context.ts';
import { ExportCsvButton } from './ExportCsvButton.tsx';
import { ReconcilePanel } from './ReconcilePanel.tsx';
import { TotalsTable, walletLabel } from './TotalsTable.tsx';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The day's totals by wallet, with a bar chart of net takings, reconciliation and CSV export. */
export function ReportScreen() {
  const { api, tr, lang } = useTill();
  const [date, setDate] = useState(today);
  const [report, setReport] = useState<DailyReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void run(api, 'report.daily', { date }).then((r) => {
      if (!live) return;
      setError(r.ok ? null : r.error.message);
      setReport(r.ok ? r.value : null);
    });
    return () => {
      live = false;
    };
  }, [api, date]);
  const currency = (report?.currency ?? 'CAD') as Currency;
  const fmt = (cents: number) => money(lang, cents, currency);
  return (
    <section className="report">
      <h2>{tr('report.title')}</h2>
      <label>
        {tr('report.date')}
        <input type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
      </label>
      <ErrorNote message={error} />
      {report && (
        <>
          <dl className="facts totals">
            <dt>{tr('report.gross')}</dt>
            <dd data-testid="report-gross">{fmt(report.grossCents)}</dd>
            <dt>{tr('report.tips')}</dt>
            <dd>{fmt(report.tipCents)}</dd>
            <dt>{tr('report.refunds')}</dt>
            <dd>
              {fmt(report.refunds.totalCents)} ({report.refunds.count})
            </dd>
            <dt>{tr('report.net')}</dt>
            <dd>{fmt(report.netCents)}</dd>
          </dl>
          <h3>{tr('report.byWallet')}</h3>
          <TotalsTable
            heading={tr('status.wallet')}
            fmt={fmt}
            rows={report.byWallet.map((row) => ({
              ...row,
              key: row.wallet,
              label: walletLabel(row.wallet, tr),
            }))}
          />
          <BarChart
            title={tr('report.chart')}
            rows={report.byWallet.map((row) => ({
              label: walletLabel(row.wallet, tr),
              value: row.netCents,
              shown: fmt(row.netCents),
              tone: row.wallet.toLowerCase(),
            }))}
          />
          {report.byCashier.length > 0 && (
            <>
              <h3>{tr('report.byCashier')}</h3>
              <table className="table" data-testid="report-by-cashier">
                <thead>
                  <tr>
                    <th>{tr('history.cashier')}</th>
                    <th>{tr('report.count')}</th>
                    <th>{tr('report.gross')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.byCashier.map((c) => (
                    <tr key={c.cashierId ?? '-'}>
                      <td>{c.name || '—'}</td>
                      <td>{c.count}</td>
                      <td>{fmt(c.grossCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {report.manualOverrides.length > 0 && (
            <p>
              {tr('report.manualList', { orders: report.manualOverrides.map((a) => a.orderId).join(', ') })}
            </p>
          )}
        </>
      )}
      <ReconcilePanel key={date} date={date}>
        <ExportCsvButton date={date} />
      </ReconcilePanel>
    </section>
  );
}

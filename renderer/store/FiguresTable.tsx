// One table shape for the page's figures: till lines with their store's totals, wallet lines or
// cashier lines. Money in the page's language; a till whose clock is off or that has not shipped says so.
import type { Language } from '../../shared/domain.ts';
import type { Currency } from '../../shared/money.ts';
import type { CashierDayLine, DayTotals, TillDayLine, WalletDayLine } from '../../shared/store-report.ts';
import { dateTime, money, t } from '../i18n/t.ts';

const CLOCK_WARN_MS = 5 * 60_000;

interface Props {
  lang: Language;
  tills?: TillDayLine[];
  totals?: DayTotals[];
  totalLabel?: string;
  wallets?: WalletDayLine[];
  cashiers?: CashierDayLine[];
}

export function FiguresTable({ lang, tills = [], totals = [], totalLabel = '', wallets, cashiers }: Props) {
  const m = (cents: number, currency: string | null) =>
    currency ? money(lang, cents, currency as Currency) : '—';
  if (wallets) {
    return (
      <table className="figures">
        <thead>
          <tr>
            <th>{t(lang, 'store.storeColumn')}</th>
            <th>{t(lang, 'store.wallet')}</th>
            <th>{t(lang, 'store.paid')}</th>
            <th>{t(lang, 'report.gross')}</th>
            <th>{t(lang, 'report.refunds')}</th>
            <th>{t(lang, 'report.net')}</th>
          </tr>
        </thead>
        <tbody>
          {wallets.map((w) => (
            <tr key={`${w.storeId}-${w.wallet}-${w.currency}`}>
              <td>{w.storeId}</td>
              <td>{w.wallet}</td>
              <td>{w.paidCount}</td>
              <td>{m(w.grossCents, w.currency)}</td>
              <td>{m(w.refundedCents, w.currency)}</td>
              <td>{m(w.netCents, w.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (cashiers) {
    return (
      <table className="figures">
        <thead>
          <tr>
            <th>{t(lang, 'store.storeColumn')}</th>
            <th>{t(lang, 'store.cashier')}</th>
            <th>{t(lang, 'store.paid')}</th>
            <th>{t(lang, 'report.gross')}</th>
            <th>{t(lang, 'report.tips')}</th>
          </tr>
        </thead>
        <tbody>
          {cashiers.map((c) => (
            <tr key={`${c.storeId}-${c.tillId ?? ''}-${c.cashierId}-${c.currency}`}>
              <td>{c.storeId}</td>
              {/* A staff account by its name (ids are per till); an operator id, or an unknown account, by id. */}
              <td>
                {c.terminalNo === null
                  ? (c.name ?? c.cashierId)
                  : `${c.terminalNo} · ${c.name ?? c.cashierId}`}
              </td>
              <td>{c.paidCount}</td>
              <td>{m(c.grossCents, c.currency)}</td>
              <td>{m(c.tipCents, c.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <table className="figures">
      <thead>
        <tr>
          <th>{t(lang, 'store.till')}</th>
          <th>{t(lang, 'store.paid')}</th>
          <th>{t(lang, 'report.gross')}</th>
          <th>{t(lang, 'report.tips')}</th>
          <th>{t(lang, 'report.refunds')}</th>
          <th>{t(lang, 'report.net')}</th>
          <th>{t(lang, 'store.unresolved')}</th>
          <th>{t(lang, 'store.lastShipped')}</th>
        </tr>
      </thead>
      <tbody>
        {tills.map((l) => (
          <tr key={`${l.tillId}-${l.currency}`} data-testid={`till-${l.tillId}`}>
            <td>
              {t(lang, 'store.tillName', { terminal: l.terminalNo })}
              {l.clockOffsetMs !== null && Math.abs(l.clockOffsetMs) > CLOCK_WARN_MS && (
                <span className="store-warn">
                  {' '}
                  {t(lang, l.clockOffsetMs < 0 ? 'store.clockAhead' : 'store.clockBehind', {
                    minutes: Math.round(Math.abs(l.clockOffsetMs) / 60_000),
                  })}
                </span>
              )}
            </td>
            <td>{l.paidCount}</td>
            <td>{m(l.grossCents, l.currency)}</td>
            <td>{m(l.tipCents, l.currency)}</td>
            <td>{m(l.refundedCents, l.currency)}</td>
            <td className="net">{m(l.netCents, l.currency)}</td>
            <td className={l.unresolved > 0 ? 'store-warn' : ''}>{l.unresolved}</td>
            <td>{l.lastShippedAt ? dateTime(lang, Date.parse(l.lastShippedAt)) : t(lang, 'store.never')}</td>
          </tr>
        ))}
        {totals.map((tot) => (
          <tr key={`total-${tot.currency}`} className="total" data-testid={`total-${tot.currency}`}>
            <td>{totalLabel}</td>
            <td>{tot.paidCount}</td>
            <td>{m(tot.grossCents, tot.currency)}</td>
            <td>{m(tot.tipCents, tot.currency)}</td>
            <td>{m(tot.refundedCents, tot.currency)}</td>
            <td className="net">{m(tot.netCents, tot.currency)}</td>
            <td className={tot.unresolved > 0 ? 'store-warn' : ''}>{tot.unresolved}</td>
            <td />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

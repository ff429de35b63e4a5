import { useCallback, useEffect, useState } from 'react';
import type { CommandRequest } from '../../../shared/contract.ts';
import { type AttemptView, WALLETS, type Wallet } from '../../../shared/domain.ts';
import { parseAmount } from '../../../shared/money.ts';
import { yuanText } from '../../../shared/payments/cny.ts';
import type { StaffView } from '../../../shared/staff.ts';
import { SaveOutcome } from '../../components/SaveOutcome.tsx';
import { dateTime, money } from '../../i18n/t.ts';
import { amountProblemText } from '../../i18n/words.ts';
import { stateWord } from '../outcome-words.ts';
import { run, useTill } from '../till-context.ts';
import { RefundDialog } from './RefundDialog.tsx';

/** Search by order id/text, amount, date range and wallet; refunds behind the supervisor PIN. */
export function HistoryScreen({ opened = null }: { opened?: { orderId: string; n: number } | null } = {}) {
  const { api, tr, lang, settings } = useTill();
  const [text, setText] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [wallet, setWallet] = useState<Wallet | ''>('');
  const [amount, setAmount] = useState('');
  const [cashierId, setCashierId] = useState('');
  const [shiftId, setShiftId] = useState('');
  const [staff, setStaff] = useState<StaffView[]>([]);
  const [rows, setRows] = useState<AttemptView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refunding, setRefunding] = useState<AttemptView | null>(null);

  const search = useCallback(async () => {
    const request: CommandRequest<'history.search'> = { limit: 200 };
    if (text.trim()) request.text = text.trim();
    if (from) request.from = from;
    if (to) request.to = to;
    if (wallet) request.wallet = wallet;
    if (amount.trim()) {
      const parsed = parseAmount(amount);
      if (!parsed.ok) return setError(amountProblemText(tr, lang, settings.currency, parsed));
      request.amountCents = parsed.cents;
    }
    if (cashierId) request.cashierId = cashierId;
    if (/^\d+$/.test(shiftId.trim()) && Number(shiftId) > 0) request.shiftId = Number(shiftId);
    const result = await run(api, 'history.search', request);
    setError(result.ok ? null : result.error.message);
    if (result.ok) setRows(result.value);
  }, [api, text, from, to, wallet, amount, cashierId, shiftId, tr, lang, settings.currency]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: first load only; later searches are explicit
  useEffect(() => {
    if (!opened) void search();
    void run(api, 'staff.list', {}).then((r) => r.ok && setStaff(r.value));
  }, []);
  const nameOf = (id: string | null | undefined) => staff.find((s) => s.staffId === id)?.name ?? '';

  // A scanned receipt: that order alone, and its refund dialog when something is left to refund.
  useEffect(() => {
    if (!opened) return;
    setText(opened.orderId);
    void run(api, 'history.search', { text: opened.orderId, limit: 5 }).then((result) => {
      setError(result.ok ? null : result.error.message);
      if (!result.ok) return;
      const rows = result.value.filter((r) => r.orderId === opened.orderId);
      setRows(rows);
      const row = rows[0];
      if (row && row.state === 'paid' && row.refundedCents < row.amountCents + row.tipCents)
        setRefunding(row);
    });
  }, [api, opened]);

  return (
    <section className="history">
      <h2>{tr('history.title')}</h2>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <label>
          {tr('history.text')}
          <input value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <label>
          {tr('history.amount')}
          <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </label>
        <label>
          {tr('history.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {tr('history.to')}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          {tr('history.wallet')}
          <select value={wallet} onChange={(e) => setWallet(e.target.value as Wallet | '')}>
            <option value="">{tr('history.anyWallet')}</option>
            {WALLETS.map((w) => (
              <option key={w} value={w}>
                {tr(`wallet.${w}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tr('history.cashier')}
          <select value={cashierId} onChange={(e) => setCashierId(e.target.value)}>
            <option value="">{tr('history.anyCashier')}</option>
            {staff.map((s) => (
              <option key={s.staffId} value={s.staffId}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tr('history.shift')}
          <input inputMode="numeric" value={shiftId} onChange={(e) => setShiftId(e.target.value)} />
        </label>
        <button type="submit" className="primary">
          {tr('common.search')}
        </button>
      </form>
      <SaveOutcome error={error} notice={notice} />
      {rows && rows.length === 0 && <p>{tr('history.none')}</p>}
      {rows && rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{tr('status.time')}</th>
              <th>{tr('status.orderId')}</th>
              <th>{tr('status.wallet')}</th>
              <th>{tr('status.amount')}</th>
              <th>{tr('history.state')}</th>
              <th>{tr('history.cashier')}</th>
              <th>
                <span className="visually-hidden">{tr('a11y.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.attemptId} data-order-id={row.orderId}>
                <td>{dateTime(lang, row.createdAt)}</td>
                <td className="mono">{row.orderId}</td>
                <td>{tr(`wallet.${row.wallet}`)}</td>
                <td>
                  {money(lang, row.amountCents + row.tipCents, row.currency)}
                  {row.cny && (
                    <small className="history-cny" data-testid="history-cny">
                      {' '}
                      {tr('cny.approx', {
                        amount: yuanText(
                          row.cny.payFen ?? Math.round((row.amountCents + row.tipCents) * row.cny.rate),
                        ),
                      })}{' '}
                      (1 {row.currency} = {row.cny.rate.toFixed(4)} CNY)
                    </small>
                  )}
                </td>
                <td>
                  {stateWord(tr, row)}
                  {row.manual && ` (${tr('history.manual')})`}
                  {row.refundedCents > 0 && (
                    <>
                      {' · '}
                      {tr('history.refunded', { amount: money(lang, row.refundedCents, row.currency) })}
                    </>
                  )}
                </td>
                <td>{nameOf(row.cashierId)}</td>
                <td>
                  {row.state === 'paid' && row.refundedCents < row.amountCents + row.tipCents && (
                    <button type="button" onClick={() => setRefunding(row)}>
                      {tr('history.refund')}
                    </button>
                  )}
                  {row.state === 'paid' && (
                    <button
                      type="button"
                      data-testid="reprint"
                      onClick={async () => {
                        const r = await run(api, 'receipt.print', {
                          kind: 'sale',
                          refId: row.attemptId,
                          copies: ['customer'],
                        });
                        setError(r.ok ? null : r.error.message);
                        setNotice(r.ok ? tr('receipt.queued') : null);
                      }}
                    >
                      {tr('receipt.reprint')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {refunding && (
        <RefundDialog
          attempt={refunding}
          onClose={() => setRefunding(null)}
          onDone={(message, failed) => {
            setRefunding(null);
            // After the list is fetched again (which clears its own error): a failed refund is an
            // error to see, not a green notice.
            void search().then(() => {
              setNotice(failed ? null : message);
              if (failed) setError(message);
            });
          }}
        />
      )}
    </section>
  );
}

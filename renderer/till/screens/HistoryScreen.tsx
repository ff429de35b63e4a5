import { useCallback, useEffect, useState } from 'react';
import type { CommandRequest } from '../../../shared/contract.ts';
import { type AttemptView, WALLETS, type Wallet } from '../../../shared/domain.ts';
import { parseAmount } from '../../../shared/money.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { dateTime, money } from '../../i18n/t.ts';
import { amountProblemText } from '../../i18n/words.ts';
import { stateWord } from '../outcome-words.ts';
import { run, useTill } from '../till-context.ts';
import { RefundDialog } from './RefundDialog.tsx';

/** Search by order id/text, amount, date range and wallet; refunds behind the supervisor PIN. */
export function HistoryScreen() {
  const { api, tr, lang, settings } = useTill();
  const [text, setText] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [wallet, setWallet] = useState<Wallet | ''>('');
  const [amount, setAmount] = useState('');
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
    const result = await run(api, 'history.search', request);
    setError(result.ok ? null : result.error.message);
    if (result.ok) setRows(result.value);
  }, [api, text, from, to, wallet, amount, tr, lang, settings.currency]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: first load only; later searches are explicit
  useEffect(() => {
    void search();
  }, []);

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
        <button type="submit" className="primary">
          {tr('common.search')}
        </button>
      </form>
      <ErrorNote message={error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
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
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.attemptId} data-order-id={row.orderId}>
                <td>{dateTime(lang, row.createdAt)}</td>
                <td className="mono">{row.orderId}</td>
                <td>{tr(`wallet.${row.wallet}`)}</td>
                <td>{money(lang, row.amountCents + row.tipCents, row.currency)}</td>
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
                <td>
                  {row.state === 'paid' && row.refundedCents < row.amountCents + row.tipCents && (
                    <button type="button" onClick={() => setRefunding(row)}>
                      {tr('history.refund')}
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

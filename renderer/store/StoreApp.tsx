// The owner's read-only chain report: pick a day (and a store), see each till's and store's figures,
// the chain's, and the day by wallet and by cashier. Nothing on this page can change anything.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Language } from '../../shared/domain.ts';
import type { ChainDayReport } from '../../shared/store-report.ts';
import { type MessageKey, t } from '../i18n/t.ts';
import { FiguresTable } from './FiguresTable.tsx';
import type { ReportAnswer, ReportClient } from './report-client.ts';

function initialLanguage(): Language {
  const l = (navigator.language || 'en').slice(0, 2);
  return l === 'fr' || l === 'zh' ? l : 'en';
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const PROBLEM: Record<Exclude<ReportAnswer, { ok: true }>['reason'], MessageKey> = {
  'no-token': 'store.noToken',
  denied: 'store.denied',
  unavailable: 'store.unavailable',
  'bad-request': 'store.badRequest',
};

export function StoreApp({ client }: { client: ReportClient }) {
  const [lang, setLang] = useState<Language>(initialLanguage);
  const [day, setDay] = useState(today);
  const [storeId, setStoreId] = useState<string | null>(null);
  const [knownStores, setKnownStores] = useState<string[]>([]);
  const [answer, setAnswer] = useState<ReportAnswer | null>(null);
  const tr = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);

  /** The newest question asked: an older answer (a day or store no longer chosen) is dropped. */
  const asked = useRef(0);
  const load = useCallback(async () => {
    const question = ++asked.current;
    const a = await client.load(day, storeId);
    // The page asks for today first: on a slow link that answer can come after the chosen day's.
    if (question !== asked.current) return;
    setAnswer(a);
    if (a.ok && storeId === null) setKnownStores(a.report.stores.map((s) => s.storeId));
  }, [client, day, storeId]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(lang, 'store.title');
  }, [lang]);
  // Left open at the day's end, the page follows the tills as they ship.
  useEffect(() => {
    void load();
    const every = setInterval(() => void load(), 60_000);
    return () => clearInterval(every);
  }, [load]);

  const report: ChainDayReport | null = answer?.ok ? answer.report : null;
  return (
    <main className="store">
      <header className="store-head">
        <h1>{tr('store.title')}</h1>
        <label>
          {tr('report.date')}
          <input type="date" value={day} onChange={(e) => e.target.value && setDay(e.target.value)} />
        </label>
        <label>
          {tr('store.store')}
          <select
            value={storeId ?? ''}
            onChange={(e) => setStoreId(e.target.value === '' ? null : e.target.value)}
          >
            <option value="">{tr('store.allStores')}</option>
            {knownStores.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void load()}>
          {tr('store.refresh')}
        </button>
        <select
          aria-label={tr('store.language')}
          value={lang}
          onChange={(e) => setLang(e.target.value as Language)}
        >
          <option value="en">English</option>
          <option value="fr">Français</option>
          <option value="zh">中文</option>
        </select>
      </header>
      <p className="store-readonly">{tr('store.readOnly')}</p>
      {answer && !answer.ok && (
        <p role="alert" className="store-problem">
          {tr(PROBLEM[answer.reason])}
        </p>
      )}
      {report && report.stores.length === 0 && <p>{tr('store.empty')}</p>}
      {report?.stores.map((s) => (
        <section key={s.storeId} data-testid={`store-${s.storeId}`}>
          <h2>{tr('store.storeHeading', { store: s.storeId })}</h2>
          <FiguresTable lang={lang} tills={s.tills} totals={s.totals} totalLabel={tr('store.storeTotal')} />
        </section>
      ))}
      {report && report.chain.length > 0 && (
        <section data-testid="chain">
          <h2>{tr('store.chainTotal')}</h2>
          <FiguresTable lang={lang} tills={[]} totals={report.chain} totalLabel={tr('store.chainTotal')} />
        </section>
      )}
      {report && report.byWallet.length > 0 && (
        <section>
          <h2>{tr('report.byWallet')}</h2>
          <FiguresTable lang={lang} wallets={report.byWallet} />
        </section>
      )}
      {report && report.byCashier.length > 0 && (
        <section>
          <h2>{tr('store.byCashier')}</h2>
          <FiguresTable lang={lang} cashiers={report.byCashier} />
        </section>
      )}
    </main>
  );
}

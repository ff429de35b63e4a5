import { useEffect, useMemo, useState } from 'react';
import type { TillApi } from '../../shared/contract.ts';
import type { TillSnapshot } from '../../shared/domain.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { SandboxBadge } from '../components/SandboxBadge.tsx';
import { t } from '../i18n/t.ts';
import { plural } from '../i18n/words.ts';
import { clearDraft } from './amount-draft.ts';
import { NavBar, type Tab } from './NavBar.tsx';
import { SaleFlow } from './SaleFlow.tsx';
import { AttentionScreen } from './screens/AttentionScreen.tsx';
import { HistoryScreen } from './screens/HistoryScreen.tsx';
import { ReportScreen } from './screens/ReportScreen.tsx';
import { SettingsScreen } from './screens/SettingsScreen.tsx';
import { makeTr, TillContext, type TillContextValue } from './till-context.ts';
import { useSaleCues } from './useSaleCues.ts';
import { useScanRefusals } from './useScanRefusals.ts';
import { useSnapshot } from './useSnapshot.ts';
import { useWedgeScanner } from './useWedgeScanner.ts';

export function App({ api }: { api: TillApi }) {
  const { snapshot, error } = useSnapshot(api);
  if (!snapshot) {
    return (
      <p className="loading">
        {error ? t('en', 'common.error', { message: error }) : t('en', 'common.loading')}
      </p>
    );
  }
  return <Till api={api} snapshot={snapshot} />;
}

function Till({ api, snapshot }: { api: TillApi; snapshot: TillSnapshot }) {
  const [tab, setTab] = useState<Tab>('sale');
  const [scanNotice, setScanNotice] = useState<string | null>(null);
  const salePhase = `${snapshot.sale?.saleId ?? ''}:${snapshot.sale?.phase ?? ''}`;
  // A scanner message belongs to the moment it was made: the next sale state clears it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: salePhase is the trigger, not a value used
  useEffect(() => setScanNotice(null), [salePhase]);
  // The amount keyed for a sale is done with once that sale ends (paid, or failed: "Try again" keeps
  // its own amount), so the next customer never starts from the last one's amount.
  const ended = snapshot.sale?.phase === 'paid' || snapshot.sale?.phase === 'failed';
  useEffect(() => {
    if (ended) clearDraft();
  }, [ended]);
  const lang = snapshot.settings.operatorLanguage;
  const ctx = useMemo<TillContextValue>(
    () => ({ api, snapshot, settings: snapshot.settings, lang, tr: makeTr(lang) }),
    [api, snapshot, lang],
  );
  useSaleCues(snapshot.sale, snapshot.settings.soundsOn);
  useWedgeScanner(ctx, setScanNotice);
  useScanRefusals(ctx, setScanNotice);
  document.documentElement.lang = lang;
  return (
    <TillContext.Provider value={ctx}>
      <div className="till">
        <header className="top">
          <h1>{ctx.tr('app.title')}</h1>
          <SandboxBadge lang={lang} sandbox={snapshot.sandbox} />
          <span
            className={`gateway gateway-${snapshot.gateway.state}`}
            title={snapshot.gateway.message ?? ''}
          >
            {ctx.tr(`gateway.state.${snapshot.gateway.state}`)}
          </span>
        </header>
        <NavBar current={tab} onSelect={setTab} />
        {snapshot.gateway.state === 'down' && (
          <p className="banner banner-down" role="alert">
            {ctx.tr('gateway.down')}{' '}
            {snapshot.gateway.message && ctx.tr('gateway.downDetail', { message: snapshot.gateway.message })}
          </p>
        )}
        {snapshot.attention.length > 0 && tab === 'sale' && (
          <button type="button" className="banner banner-attention" onClick={() => setTab('attention')}>
            {plural(ctx.tr, lang, 'attention.banner', snapshot.attention.length)}
          </button>
        )}
        <ErrorNote message={scanNotice} />
        <main className="content">
          {tab === 'sale' && <SaleFlow />}
          {tab === 'attention' && <AttentionScreen />}
          {tab === 'history' && <HistoryScreen />}
          {tab === 'report' && <ReportScreen />}
          {tab === 'settings' && <SettingsScreen />}
        </main>
      </div>
    </TillContext.Provider>
  );
}

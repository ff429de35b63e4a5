import { Suspense, useEffect, useMemo, useState } from 'react';
import type { TillApi } from '../../shared/contract.ts';
import type { Language, TillSnapshot } from '../../shared/domain.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { SandboxBadge } from '../components/SandboxBadge.tsx';
import { useConnection } from '../components/useConnection.ts';
import { t } from '../i18n/t.ts';
import { plural } from '../i18n/words.ts';
import { clearDraft } from './amount-draft.ts';
import { KioskQuit } from './KioskQuit.tsx';
import { lastLanguage } from './language-hint.ts';
import {
  AttentionScreen,
  CameraScanner,
  fetchLaterScreens,
  HistoryScreen,
  ReportScreen,
  SettingsScreen,
  ShiftScreen,
  StaffScreen,
} from './later-screens.ts';
import { NavBar, type Tab } from './NavBar.tsx';
import { PrintFailure, ScreenPrinter } from './PrintStatus.tsx';
import { SaleFlow } from './SaleFlow.tsx';
import { StartupWait } from './StartupWait.tsx';
import { SyncBadge } from './SyncBadge.tsx';
import { CashierBadge } from './staff/CashierBadge.tsx';
import { SignInScreen } from './staff/SignInScreen.tsx';
import { makeTr, TillContext, type TillContextValue } from './till-context.ts';
import { UpdateBadge } from './UpdateBadge.tsx';
import { useCjkFontReady } from './useCjkFontReady.ts';
import { useSaleCues } from './useSaleCues.ts';
import { useScanRefusals } from './useScanRefusals.ts';
import { useSnapshot } from './useSnapshot.ts';
import { useSpokenPaid } from './useSpokenPaid.ts';
import { useSpokenRefunds } from './useSpokenRefunds.ts';
import { useWedgeScanner } from './useWedgeScanner.ts';

export function App({ api }: { api: TillApi }) {
  const { snapshot, error } = useSnapshot(api);
  const connection = useConnection(api);
  const fontReady = useCjkFontReady(snapshot?.settings.operatorLanguage);
  if (connection !== 'open')
    return <ConnectionBanner lang={snapshot?.settings.operatorLanguage ?? 'en'} state={connection} />;
  if (!snapshot || !fontReady) {
    // In the operator's language (or the last start's, before the first snapshot); Latin for Chinese
    // until its font has loaded (cjk-font-gate.ts).
    const lang = snapshot?.settings.operatorLanguage ?? lastLanguage() ?? 'en';
    const words = lang === 'zh' ? 'en' : lang;
    return (
      <p className="loading">
        {error ? t(words, 'common.error', { message: error }) : t(words, 'common.loading')}
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
  const cashierId = snapshot.staff.cashier?.staffId ?? null;
  // Whoever signs in starts at the sale screen (a cashier must not land on a supervisor's screen).
  // biome-ignore lint/correctness/useExhaustiveDependencies: cashierId is the trigger, not a value used
  useEffect(() => setTab('sale'), [cashierId]);
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
  useSpokenPaid(snapshot.sale, lang, snapshot.settings.customerSide);
  useSpokenRefunds(api, lang, snapshot.settings.customerSide);
  // A scanned receipt opens its payment in History (where a refund starts).
  const [opened, setOpened] = useState<{ orderId: string; n: number } | null>(null);
  const openReceipt = (orderId: string) => {
    setTab('history');
    setOpened((o) => ({ orderId, n: (o?.n ?? 0) + 1 }));
  };
  useWedgeScanner(ctx, setScanNotice, openReceipt);
  useScanRefusals(ctx, setScanNotice, openReceipt);
  useEffect(fetchLaterScreens, []);
  document.documentElement.lang = lang;
  document.documentElement.classList.toggle('large-text', snapshot.settings.customerSide.largeText);
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
          <CashierBadge />
          <SyncBadge />
          <UpdateBadge />
        </header>
        <StartupWait />
        {snapshot.staff.cashier === null ? (
          <main className="content">
            <SignInScreen />
          </main>
        ) : (
          <>
            <NavBar current={tab} onSelect={setTab} />
            {snapshot.gateway.state === 'down' && (
              <p className="banner banner-down" role="alert">
                {ctx.tr('gateway.down')}{' '}
                {snapshot.gateway.message &&
                  ctx.tr('gateway.downDetail', { message: snapshot.gateway.message })}
              </p>
            )}
            {snapshot.attentionCount > 0 && tab === 'sale' && (
              <button type="button" className="banner banner-attention" onClick={() => setTab('attention')}>
                {plural(ctx.tr, lang, 'attention.banner', snapshot.attentionCount)}
              </button>
            )}
            <ErrorNote message={scanNotice} />
            <PrintFailure />
            <main className="content">
              {tab === 'sale' && <SaleFlow />}
              <Suspense fallback={null}>
                {tab === 'sale' && cameraWanted(snapshot) && <CameraScanner onNotice={setScanNotice} />}
              </Suspense>
              <Suspense fallback={null}>
                {tab === 'attention' && <AttentionScreen />}
                {tab === 'history' && <HistoryScreen opened={opened} />}
                {tab === 'report' && <ReportScreen />}
                {tab === 'shift' && <ShiftScreen />}
                {tab === 'staff' && <StaffScreen />}
                {tab === 'settings' && <SettingsScreen />}
              </Suspense>
            </main>
          </>
        )}
        <KioskQuit />
        <ScreenPrinter />
      </div>
    </TillContext.Provider>
  );
}

/**
 * The till process is gone (no heartbeat) or was restarted under this page: nothing on the page is
 * current any more (no gateway state, no QR), so it shows only what to do.
 */
function ConnectionBanner({ lang, state }: { lang: Language; state: 'lost' | 'restarted' }) {
  return (
    <div className="till till-disconnected">
      <p className="banner banner-conn" role="alert">
        {t(lang, state === 'lost' ? 'conn.lost' : 'conn.restarted')}
      </p>
      <p className="hint">{t(lang, state === 'lost' ? 'conn.lostHint' : 'conn.restartedHint')}</p>
    </div>
  );
}

/** The camera reads codes while one can be taken: the amount screen, or a sale waiting for a code. */
function cameraWanted(snapshot: TillSnapshot): boolean {
  const phase = snapshot.sale?.phase ?? 'entering';
  return (
    snapshot.settings.customerSide.camera === 'till' && (phase === 'entering' || phase === 'waiting_for_scan')
  );
}

import { useEffect, useState } from 'react';
import { ReceiptPaper } from '../components/ReceiptPaper.tsx';
import type { MessageKey } from '../i18n/t.ts';
import { useTill } from './till-context.ts';

const FAILURES = ['unreachable', 'offline', 'paper_out', 'cover_open', 'printer_error', 'timeout'] as const;

/**
 * Receipts on the till screen: a receipt that did not print says why (paper out, offline…) without
 * stopping anything, and the screen printer shows the receipt as it would print until closed.
 */
export function PrintStatus() {
  const { snapshot, tr } = useTill();
  const { jobs, screen } = snapshot.printing;
  const [closed, setClosed] = useState<number | null>(null);
  const shownId = screen?.jobId ?? null;
  useEffect(() => {
    if (shownId !== null) setClosed((c) => (c === shownId ? c : null));
  }, [shownId]);
  // A receipt belongs to the moment it printed: the next sale (or the next step of this one) puts it away.
  const saleKey = `${snapshot.sale?.saleId ?? ''}:${snapshot.sale?.phase ?? ''}`;
  const [shownAt, setShownAt] = useState<{ jobId: number; saleKey: string } | null>(null);
  useEffect(() => {
    if (shownId !== null && shownAt?.jobId !== shownId) setShownAt({ jobId: shownId, saleKey });
    else if (shownAt && shownAt.saleKey !== saleKey && closed !== shownAt.jobId) setClosed(shownAt.jobId);
  }, [shownId, saleKey, shownAt, closed]);
  // The browser shell's system printer: this page's print dialog, once per receipt.
  const [dialogFor, setDialogFor] = useState<number | null>(null);
  useEffect(() => {
    if (screen?.dialog && shownId !== null && dialogFor !== shownId) {
      setDialogFor(shownId);
      setTimeout(() => window.print(), 0);
    }
  }, [screen?.dialog, shownId, dialogFor]);
  const failing = jobs.find((j) => j.state !== 'printed' && j.failure !== null);
  const failureKey = (f: string | null): MessageKey =>
    (FAILURES as readonly string[]).includes(f ?? '')
      ? (`print.failure.${f}` as MessageKey)
      : 'print.failure.printer_error';
  return (
    <>
      {failing && (
        <p className="banner banner-print" role="alert" data-testid="print-failure">
          {tr('print.failed', { why: tr(failureKey(failing.failure)) })}
          {failing.state === 'queued' && ` — ${tr('print.retrying')}`}
        </p>
      )}
      {screen && closed !== screen.jobId && (
        <aside className="screen-printer" aria-label={tr('receipt.screenTitle')} data-testid="screen-printer">
          <h3>{tr('receipt.screenTitle')}</h3>
          <ReceiptPaper doc={screen.doc} label={tr('receipt.screenTitle')} />
          <div className="screen-printer-actions">
            <button type="button" onClick={() => window.print()}>
              {tr('receipt.printPage')}
            </button>
            <button type="button" className="primary" onClick={() => setClosed(screen.jobId)}>
              {tr('receipt.close')}
            </button>
          </div>
        </aside>
      )}
    </>
  );
}

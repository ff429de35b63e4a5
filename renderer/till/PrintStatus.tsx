import { useEffect, useState } from 'react';
import { ReceiptPaper } from '../components/ReceiptPaper.tsx';
import type { MessageKey } from '../i18n/t.ts';
import { useTill } from './till-context.ts';

const FAILURES = ['unreachable', 'offline', 'paper_out', 'cover_open', 'printer_error', 'timeout'] as const;

/** A receipt that did not print says why (paper out, offline…) without stopping anything. */
export function PrintFailure() {
  const { snapshot, tr } = useTill();
  const failing = snapshot.printing.jobs.find((j) => j.state !== 'printed' && j.failure !== null);
  if (!failing) return null;
  const key = (FAILURES as readonly string[]).includes(failing.failure ?? '')
    ? (`print.failure.${failing.failure}` as MessageKey)
    : 'print.failure.printer_error';
  return (
    <p className="banner banner-print" role="alert" data-testid="print-failure">
      {tr('print.failed', { why: tr(key) })}
      {failing.state === 'queued' && ` — ${tr('print.retrying')}`}
    </p>
  );
}

/**
 * The screen printer: the receipt as it would print, below the screen's content (never over a
 * control), until closed or until the sale moves on. For the browser shell's system printer it also
 * opens the page's print dialog, once per receipt.
 */
export function ScreenPrinter() {
  const { snapshot, tr } = useTill();
  const screen = snapshot.printing.screen;
  const shownId = screen?.jobId ?? null;
  const [closed, setClosed] = useState<number | null>(null);
  // A receipt belongs to the moment it printed: the next sale (or the next step of this one) puts it away.
  const saleKey = `${snapshot.sale?.saleId ?? ''}:${snapshot.sale?.phase ?? ''}`;
  const [shownAt, setShownAt] = useState<{ jobId: number; saleKey: string } | null>(null);
  useEffect(() => {
    if (shownId !== null && shownAt?.jobId !== shownId) setShownAt({ jobId: shownId, saleKey });
    else if (shownAt && shownAt.saleKey !== saleKey && closed !== shownAt.jobId) setClosed(shownAt.jobId);
  }, [shownId, saleKey, shownAt, closed]);
  const [dialogFor, setDialogFor] = useState<number | null>(null);
  useEffect(() => {
    if (screen?.dialog && shownId !== null && dialogFor !== shownId) {
      setDialogFor(shownId);
      setTimeout(() => window.print(), 0);
    }
  }, [screen?.dialog, shownId, dialogFor]);
  if (!screen || closed === screen.jobId) return null;
  return (
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
  );
}

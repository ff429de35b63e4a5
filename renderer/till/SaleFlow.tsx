import { useState } from 'react';
import { ActiveQrScreen } from './screens/ActiveQrScreen.tsx';
import { AmountScreen } from './screens/AmountScreen.tsx';
import { BackgroundChecks } from './screens/BackgroundChecks.tsx';
import { ScanScreen } from './screens/ScanScreen.tsx';
import { StatusScreen } from './screens/StatusScreen.tsx';
import { useTill } from './till-context.ts';

/** Picks the sale screen from the core's snapshot: the renderer decides nothing about money. */
export function SaleFlow() {
  const { snapshot } = useTill();
  const sale = snapshot.sale;
  // "Try again" after a decline: back to the wallet choice for the same sale (a new attempt).
  const [retryAfter, setRetryAfter] = useState<string | null>(null);

  if (!sale || sale.phase === 'entering')
    return (
      <>
        <BackgroundChecks />
        <AmountScreen key={sale?.saleId ?? 'none'} locked={null} />
      </>
    );
  const attempt = sale.attempt;
  switch (sale.phase) {
    case 'waiting_for_scan':
      return <ScanScreen sale={sale} />;
    case 'in_progress':
      if (attempt?.mode === 'active' && attempt.state === 'awaiting_customer' && attempt.qr) {
        return <ActiveQrScreen attempt={attempt} />;
      }
      return <StatusScreen sale={sale} onTryAgain={() => undefined} />;
    case 'paid':
      return <StatusScreen sale={sale} onTryAgain={() => undefined} />;
    case 'failed':
      if (attempt && retryAfter === attempt.attemptId) {
        return (
          <>
            <BackgroundChecks />
            <AmountScreen
              key={attempt.attemptId}
              locked={{ amountCents: sale.amountCents, tipCents: sale.tipCents }}
            />
          </>
        );
      }
      return <StatusScreen sale={sale} onTryAgain={() => setRetryAfter(attempt?.attemptId ?? null)} />;
    default:
      return null;
  }
}

import { useEffect } from 'react';
import { run, useTill } from './till-context.ts';

/**
 * Tells the core the amount being keyed, so the customer display shows it live (null: nothing yet).
 * Leaving the amount screen (another tab) takes it off the display again.
 */
export function useCustomerDraft(amountCents: number | null, tipCents: number | null): void {
  const { api } = useTill();
  useEffect(() => {
    void run(api, 'sale.draft', { amountCents: amountCents ?? 0, tipCents: tipCents ?? 0 });
  }, [api, amountCents, tipCents]);
  useEffect(() => () => void run(api, 'sale.draft', { amountCents: 0, tipCents: 0 }), [api]);
}

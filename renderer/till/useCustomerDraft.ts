import { useEffect, useMemo } from 'react';
import { createDraftSender } from './draft-sender.ts';
import { run, useTill } from './till-context.ts';

/**
 * Tells the core the amount being keyed, so the customer display shows it live (null: nothing yet).
 * Leaving the amount screen (another tab) takes it off the display again.
 */
export function useCustomerDraft(amountCents: number | null, tipCents: number | null): void {
  const { api } = useTill();
  const push = useMemo(
    () =>
      createDraftSender(async (draft) => {
        const answer = await run(api, 'sale.draft', draft);
        if (!answer.ok) throw new Error(answer.error.message);
      }),
    [api],
  );
  useEffect(() => {
    push({ amountCents: amountCents ?? 0, tipCents: tipCents ?? 0 });
  }, [push, amountCents, tipCents]);
  useEffect(() => () => push({ amountCents: 0, tipCents: 0 }), [push]);
}

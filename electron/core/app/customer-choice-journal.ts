// The customer's tip and language, journaled with the attempt of the sale they chose them for (a
// choice made for another sale, or none, journals nothing); a failure is logged, never thrown into
// the payments change that carried the attempt.
import type { AttemptView, SaleView } from '../../../shared/domain.ts';
import type { Clock } from '../clock.ts';
import { createCustomerChoicesRepo } from '../journal/customer-choices-repo.ts';
import type { Journal } from '../journal/journal.ts';
import { type CoreLogger, errorFields } from './core-logger.ts';
import type { CustomerChoices } from './customer-choice.ts';

export type ChoiceJournal = (attempt: AttemptView, sale: SaleView | null) => void;

export function customerChoiceJournal(o: {
  choices: CustomerChoices;
  journal(): Journal | null;
  clock: Clock;
  logger: CoreLogger;
}): ChoiceJournal {
  return (attempt, sale) => {
    const chosen = o.choices.current();
    const db = o.journal()?.db;
    if (!chosen || !db || sale?.saleId !== attempt.saleId) return;
    try {
      createCustomerChoicesRepo(db).record(attempt.attemptId, chosen, o.clock.now());
    } catch (err) {
      o.logger.error('the customer choice could not be journaled', errorFields(err));
    }
  };
}

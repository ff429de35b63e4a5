// The customer's choices kept with the attempt they were charged with (schema 10, issue 21).
import type { Language } from '../../../shared/domain.ts';
import type { Db } from './open-journal.ts';

export interface StoredCustomerChoice {
  tipCents: number | null;
  tipPercent: number | null;
  language: Language | null;
}

export function createCustomerChoicesRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO customer_choices (attempt_id, tip_cents, tip_percent, language, chosen_at)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT (attempt_id) DO NOTHING`,
  );
  const select = db.prepare(
    'SELECT tip_cents AS tipCents, tip_percent AS tipPercent, language FROM customer_choices WHERE attempt_id = ?',
  );
  return {
    /** Once per attempt: the first record stands (a repeated change of the same attempt adds nothing). */
    record(attemptId: string, choice: StoredCustomerChoice, at: number): void {
      insert.run(attemptId, choice.tipCents, choice.tipPercent, choice.language, at);
    },
    forAttempt(attemptId: string): StoredCustomerChoice | null {
      return (select.get(attemptId) as StoredCustomerChoice | undefined) ?? null;
    },
  };
}

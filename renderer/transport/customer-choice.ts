// The browser customer display's one message to the till (issue 21): the customer's tip or language.
import type { CustomerChoice } from '../../shared/customer-choice.ts';
import { fail, type Result } from '../../shared/result.ts';

export async function sendCustomerChoice(choice: CustomerChoice): Promise<Result<null>> {
  try {
    const res = await fetch('/customer/choice', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(choice),
    });
    if (!res.ok) return fail('NOT_ALLOWED', `the till refused it (${res.status})`);
    return (await res.json()) as Result<null>;
  } catch {
    return fail('INTERNAL', 'the till cannot be reached', true);
  }
}

// The LAN customer display pairs with the code the till shows (issue 21). The till answers with an
// HttpOnly cookie this page never sees; the browser presents it on the event stream and the choice.
import { fail, type Result } from '../../shared/result.ts';

export async function pairCustomerDisplay(code: string): Promise<Result<null>> {
  try {
    const res = await fetch('/customer/pair', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    if (!res.ok) return fail('NOT_ALLOWED', `the till refused it (${res.status})`);
    return (await res.json()) as Result<null>;
  } catch {
    return fail('INTERNAL', 'the till cannot be reached', true);
  }
}

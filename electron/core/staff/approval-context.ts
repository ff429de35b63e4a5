// Who approved the command being run: set around a supervisor-approved command, read when the journal
// writes its rows. An async context, because an override asks the gateway before it journals anything.
import { AsyncLocalStorage } from 'node:async_hooks';

const approver = new AsyncLocalStorage<string>();

export function withApprover<T>(staffId: string, run: () => Promise<T>): Promise<T> {
  return approver.run(staffId, run);
}

export function currentApprover(): string | null {
  return approver.getStore() ?? null;
}

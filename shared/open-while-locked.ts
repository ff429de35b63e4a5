// The commands a locked till answers (nobody signed in: after staff.signOut, the idle lock, or a fresh
// start). Every other command in the contract needs someone signed in, checked once at dispatch before
// the request is even read, so a new command is locked unless it is added here on purpose.
import type { CommandName } from './contract.ts';

/** Each exception with why the lock screen needs it. */
export const OPEN_WHILE_LOCKED = {
  'till.snapshot': 'the lock screen is drawn from it (no sale, no history: only the till’s state)',
  'staff.signIn': 'the way in',
  'sale.draft': 'the amount being keyed for the customer display; never journaled, starts nothing',
  'staff.signOut': 'locking a locked till changes nothing; refusing it would only confuse a double tap',
  'shell.quit':
    'carries its own supervisor PIN (the till’s lockout); the kiosk asks for it on the lock screen',
} as const satisfies Partial<Record<CommandName, string>>;

export function needsSignIn(name: CommandName): boolean {
  return !Object.hasOwn(OPEN_WHILE_LOCKED, name);
}

// Command refusals a cashier meets often, as stable keys with values: the core sends them with its
// English message (the fallback, and what the log keeps); the renderer words them in the operator's
// language (renderer/i18n `errorReason.*`). Scan refusals have their own keys (scanning/scan-refusal.ts).

export const ERROR_REASONS = [
  'pin-wrong',
  'pin-locked', // {seconds}: too many wrong PINs, locked now
  'pin-wait', // {seconds}: still locked
  'pin-busy', // more guesses at once than wrong PINs left before the lockout
  'journal-busy', // another program held the journal's write lock past the busy timeout
  'amount-over-limit', // {limit}: the till's maximum, plain (e.g. 5000.00)
  'tip-over-limit', // {percent, limit}: the tip limit as a percentage of the amount, and as money (plain)
  'wallet-not-enabled', // {wallet}
  'no-keyring', // Linux: safeStorage has no keyring to encrypt the sign key and PIN with
  'sign-in-needed', // the till is locked: a cashier signs in first
  'role-needed', // {role}: a supervisor's (or owner's) PIN is needed
  'pin-taken', // PINs are unique per till
  'pin-shared', // two active accounts share a PIN (made before PINs were unique across all accounts)
  'shift-unresolved', // {count}: the shift cannot close over unresolved payments without an acknowledgement
] as const;

export type ErrorReason = (typeof ERROR_REASONS)[number];

export function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === 'string' && (ERROR_REASONS as readonly string[]).includes(value);
}

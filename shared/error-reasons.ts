// Command refusals a cashier meets often, as stable keys with values: the core sends them with its
// English message (the fallback, and what the log keeps); the renderer words them in the operator's
// language (renderer/i18n `errorReason.*`). Scan refusals have their own keys (scanning/scan-refusal.ts).

export const ERROR_REASONS = [
  'pin-wrong',
  'pin-locked', // {seconds}: too many wrong PINs, locked now
  'pin-wait', // {seconds}: still locked
  'pin-busy', // more guesses at once than wrong PINs left before the lockout
  'amount-over-limit', // {limit}: the till's maximum, plain (e.g. 5000.00)
  'wallet-not-enabled', // {wallet}
] as const;

export type ErrorReason = (typeof ERROR_REASONS)[number];

export function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === 'string' && (ERROR_REASONS as readonly string[]).includes(value);
}

// The customer's own currency: what an amount comes to in RMB at the gateway's latest rate, shown only
// while that rate is fresh (under 24 hours old) and plausible (rate-bounds.ts).
import { plausibleRate } from './rate-bounds.ts';

export const RATE_MAX_AGE_MS = 24 * 60 * 60_000;

export interface FreshRate {
  cnyPerUnit: number;
  fetchedAt: number;
}

/** Fen (1/100 yuan) for `cents` of the merchant's currency, or null when there is no fresh rate. */
export function cnyFen(cents: number, rate: FreshRate | null, now: number): number | null {
  if (!rate || !plausibleRate(rate.cnyPerUnit)) return null;
  if (now - rate.fetchedAt >= RATE_MAX_AGE_MS || rate.fetchedAt > now + 60_000) return null;
  return Math.round(cents * rate.cnyPerUnit);
}

/** "61.86" */
export function yuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

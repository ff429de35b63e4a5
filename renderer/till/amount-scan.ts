// A wallet code the page's wedge detector reads while the amount screen is up: with an amount
// entered, it starts the passive payment for that amount at once (the cashier need not press "Scan
// customer code" first). The amount screen registers itself here while it is shown.
import type { Result } from '../../shared/result.ts';

/** The payment's answer when it took the code (an amount was entered); null to leave it to the core. */
export type AmountScanTaker = (code: string, timings: number[]) => Promise<Result<unknown>> | null;

let taker: AmountScanTaker | null = null;

export function registerAmountScanTaker(fn: AmountScanTaker): () => void {
  taker = fn;
  return () => {
    if (taker === fn) taker = null;
  };
}

export function offerScanToAmountScreen(code: string, timings: number[]): Promise<Result<unknown>> | null {
  return taker?.(code, timings) ?? null;
}

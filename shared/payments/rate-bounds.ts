// Whether a CNY exchange rate, and a CNY amount said to come from it, can be believed. A hostile or
// broken gateway answered 1e308 and the customer saw "≈ ¥ 1600000000000000.00", the receipt printed
// "1 CAD = 1e+300 CNY" (issue 22). A wrong ¥ line is worse than none, so outside these bounds there
// is no ¥ line at all (screen, customer display, receipt); the gateway's own words stay in the journal.
//
// The band, 1 to 20 CNY per unit: since 2005 one CAD has bought about 4.6 to 6.5 CNY and one USD
// about 6.0 to 8.3 CNY. 1–20 leaves room for the currencies moving by more than half either way for
// years, yet refuses every scaling slip (×100, ÷100, the ×10^8 of EX_RATE_QUERY read twice or not at
// all) and every absurd value.
export const MIN_CNY_PER_UNIT = 1;
export const MAX_CNY_PER_UNIT = 20;

/** How far pay_amount may be from amount × rate: rounding, and a gateway's own rate of the minute. */
export const PAY_AMOUNT_TOLERANCE = 0.03;

export function plausibleRate(cnyPerUnit: number): boolean {
  return Number.isFinite(cnyPerUnit) && cnyPerUnit >= MIN_CNY_PER_UNIT && cnyPerUnit <= MAX_CNY_PER_UNIT;
}

/**
 * Whether `payFen` (what the gateway says the customer paid in CNY) fits `cents` × `rate`: within 3 %
 * (and a couple of fen of rounding). The gateway may leave the tip out, so either amount is taken.
 */
export function plausiblePayFen(payFen: number, rate: number, cents: readonly number[]): boolean {
  if (!Number.isSafeInteger(payFen) || payFen < 0 || !plausibleRate(rate)) return false;
  return cents.some((c) => {
    const expected = c * rate;
    return Math.abs(payFen - expected) <= Math.max(2, expected * PAY_AMOUNT_TOLERANCE);
  });
}

// An amount read the Chinese way, as the counter's payment speaker says it: 二十三点四五加元.
// Zero rules: one 零 stands for any run of zeros inside the number (1005 一千零五, 10010 一万零一十),
// none at the end (1000 一千, 100.10 一百点一); 10–19 drop the leading 一 (十, 十五) only at the start;
// the cents are read digit by digit after 点, trailing zeros dropped (10.05 十点零五, 10.00 十).

export const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const SMALL_UNITS = ['', '十', '百', '千'] as const;

/** 0–9999, as tokens; `leading`: the group starts the number (so 10–19 read 十…, not 一十…). */
function groupTokens(n: number, leading: boolean): string[] {
  const digits = [Math.floor(n / 1000) % 10, Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const out: string[] = [];
  let pendingZero = false;
  for (let i = 0; i < 4; i++) {
    const d = digits[i] ?? 0;
    const unit = SMALL_UNITS[3 - i] ?? '';
    if (d === 0) {
      if (out.length > 0) pendingZero = true;
      continue;
    }
    if (pendingZero) out.push('零');
    pendingZero = false;
    if (!(d === 1 && unit === '十' && out.length === 0 && leading)) out.push(ZH_DIGITS[d] ?? '');
    if (unit) out.push(unit);
  }
  return out;
}

/** A whole number 0 – 99,999,999 as tokens (万 groups), 零 for the zeros between. */
export function zhIntegerTokens(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > 99_999_999) throw new RangeError(`cannot read ${n}`);
  if (n === 0) return ['零'];
  const high = Math.floor(n / 10_000);
  const low = n % 10_000;
  const out: string[] = [];
  if (high > 0) out.push(...groupTokens(high, true), '万');
  if (low > 0) {
    // A gap below the 万 group (10,005: 一万零五; 10,500: 一万零五百) is one 零.
    if (high > 0 && low < 1000) out.push('零');
    out.push(...groupTokens(low, high === 0));
  }
  return out;
}

/** Cents as tokens: 2345 → 二 十 三 点 四 五; 1000 → 十; 1 → 零 点 零 一. */
export function zhAmountTokens(cents: number): string[] {
  const whole = Math.floor(cents / 100);
  const fraction = cents % 100;
  const out = zhIntegerTokens(whole);
  if (fraction === 0) return out;
  const tenths = Math.floor(fraction / 10);
  const hundredths = fraction % 10;
  out.push('点', ZH_DIGITS[tenths] ?? '');
  if (hundredths !== 0) out.push(ZH_DIGITS[hundredths] ?? '');
  return out;
}

// Money is integer cents everywhere; text is parsed and formatted only at the edges.

export type Currency = 'CAD' | 'USD';
export const CURRENCIES: readonly Currency[] = ['CAD', 'USD'];

/** The gateway's ceiling for one amount field is unknown; this keeps cents far inside safe integers. */
export const ABSOLUTE_MAX_CENTS = 99_999_999;

/** Why a text is not an amount: the renderer words it from this in the operator's language. */
export type AmountProblem = 'empty' | 'format' | 'tooLarge' | 'notPositive' | 'overLimit';

export type AmountParse =
  | { ok: true; cents: number }
  | { ok: false; reason: string; problem: AmountProblem; limitCents?: number };

/**
 * Parses what a cashier typed ("12", "12.5", "12.50", "1,234.56", "12,50" as a decimal comma)
 * into cents without floating point. At most two decimals; no sign; no exponent.
 */
export function parseAmount(text: string, maxCents: number = ABSOLUTE_MAX_CENTS): AmountParse {
  const trimmed = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (trimmed === '') return { ok: false, reason: 'Enter an amount', problem: 'empty' };
  let normalised = trimmed;
  // "12,50" (French Canadian decimal comma) vs "1,234.56" (thousands separator)
  if (/^\d+,\d{1,2}$/.test(normalised)) normalised = normalised.replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d{0,2})?$/.test(normalised)) normalised = normalised.replace(/,/g, '');
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(normalised);
  if (!m)
    return { ok: false, reason: 'Amount must be a number with at most two decimals', problem: 'format' };
  const whole = m[1] ?? '0';
  const frac = (m[2] ?? '').padEnd(2, '0');
  if (whole.replace(/^0+/, '').length > 9)
    return { ok: false, reason: 'Amount is too large', problem: 'tooLarge' };
  const cents = Number(whole) * 100 + Number(frac);
  if (cents <= 0) return { ok: false, reason: 'Amount must be more than zero', problem: 'notPositive' };
  if (cents > maxCents) {
    const reason = `Amount is over the limit of ${centsToPlain(maxCents)}`;
    return { ok: false, reason, problem: 'overLimit', limitCents: maxCents };
  }
  return { ok: true, cents };
}

export function isCents(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** "1234" → "12.34": for logs, CSV and messages; the UI uses formatMoney. */
export function centsToPlain(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** One formatter per locale and currency: making one costs far more than formatting with it. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number, currency: Currency, locale = 'en-CA'): string {
  const key = `${locale} ${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format.format(cents / 100);
}

/** Tip as a percentage of the amount, rounded half up to the cent. */
export function tipFromPercent(amountCents: number, percent: number): number {
  return Math.floor((amountCents * percent + 50) / 100);
}

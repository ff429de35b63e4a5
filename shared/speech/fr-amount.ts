// An amount read in French (Canada): « vingt-trois dollars et quarante-cinq cents ». French numbers:
// 21 vingt et un, 71 soixante et onze, 80 quatre-vingts, 81 quatre-vingt-un, 200 deux cents,
// 201 deux cent un, 1000 mille, 2000 deux mille. A token starting with "-" is hyphenated to the one
// before it in the sentence; "et" stands alone.

const ONES = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
  'dix-sept',
  'dix-huit',
  'dix-neuf',
];
const TENS = [
  '',
  '',
  'vingt',
  'trente',
  'quarante',
  'cinquante',
  'soixante',
  'soixante',
  'quatre-vingt',
  'quatre-vingt',
];

function below100(n: number, last: boolean): string[] {
  if (n < 20) return [ONES[n] ?? ''];
  const ten = Math.floor(n / 10);
  let unit = n % 10;
  if (ten === 7 || ten === 9) unit += 10; // soixante-dix, quatre-vingt-dix
  const tens = TENS[ten] ?? '';
  if (unit === 0) return [ten === 8 && last ? 'quatre-vingts' : tens];
  if ((unit === 1 || unit === 11) && ten !== 8 && ten !== 9) return [tens, 'et', ONES[unit] ?? ''];
  return [tens, `-${ONES[unit]}`];
}

/** 0–999; `last`: nothing follows (quatre-vingts and deux cents take their s only then). */
function below1000(n: number, last: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const out: string[] = [];
  if (hundreds > 1) out.push(ONES[hundreds] ?? '');
  if (hundreds > 0) out.push(hundreds > 1 && rest === 0 && last ? 'cents' : 'cent');
  if (rest > 0) out.push(...below100(rest, last));
  return out;
}

export function frIntegerTokens(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > 99_999_999) throw new RangeError(`cannot read ${n}`);
  if (n === 0) return ['zéro'];
  const millions = Math.floor(n / 1_000_000);
  const thousands = Math.floor(n / 1000) % 1000;
  const rest = n % 1000;
  const out: string[] = [];
  if (millions > 0) out.push(...below1000(millions, true), millions > 1 ? 'millions' : 'million');
  if (thousands > 1) out.push(...below1000(thousands, false));
  if (thousands > 0) out.push('mille');
  if (rest > 0) out.push(...below1000(rest, true));
  return out;
}

/** The coin: written « cent(s) », its own clip (said [sɛn]); the sentence prints it without the mark. */
export const FR_CENT = 'cent¢';
export const FR_CENTS = 'cents¢';

export function frAmountTokens(cents: number): string[] {
  const whole = Math.floor(cents / 100);
  const fraction = cents % 100;
  const out: string[] = [];
  if (whole > 0 || fraction === 0) out.push(...frIntegerTokens(whole), whole <= 1 ? 'dollar' : 'dollars');
  if (fraction > 0) {
    if (whole > 0) out.push('et');
    // The coin's « cents » is said [sɛn], not like cent (100): its own token (CURRENCY_CENTS).
    out.push(...frIntegerTokens(fraction), fraction === 1 ? FR_CENT : FR_CENTS);
  }
  return out;
}

// An amount read in English: "twenty-three dollars and forty-five cents". Tokens are the words the
// clips are recorded for; the sentence joins them (tens and units with a hyphen).

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function below1000(n: number): string[] {
  const out: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) out.push(ONES[hundreds] ?? '', 'hundred');
  if (rest === 0) return out;
  if (rest < 20) out.push(ONES[rest] ?? '');
  else {
    out.push(TENS[Math.floor(rest / 10)] ?? '');
    if (rest % 10 !== 0) out.push(`-${ONES[rest % 10]}`);
  }
  return out;
}

/** 0 – 99,999,999 as words; a unit after a ten is marked "-one" so the sentence hyphenates it. */
export function enIntegerTokens(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > 99_999_999) throw new RangeError(`cannot read ${n}`);
  if (n === 0) return ['zero'];
  const millions = Math.floor(n / 1_000_000);
  const thousands = Math.floor(n / 1000) % 1000;
  const rest = n % 1000;
  const out: string[] = [];
  if (millions > 0) out.push(...below1000(millions), 'million');
  if (thousands > 0) out.push(...below1000(thousands), 'thousand');
  if (rest > 0) out.push(...below1000(rest));
  return out;
}

export function enAmountTokens(cents: number): string[] {
  const whole = Math.floor(cents / 100);
  const fraction = cents % 100;
  const out: string[] = [];
  if (whole > 0 || fraction === 0) out.push(...enIntegerTokens(whole), whole === 1 ? 'dollar' : 'dollars');
  if (fraction > 0) {
    if (whole > 0) out.push('and');
    out.push(...enIntegerTokens(fraction), fraction === 1 ? 'cent' : 'cents');
  }
  return out;
}

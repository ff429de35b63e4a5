// OTTPay Appendix A, step 1: the string the md5 is taken over. Keys sorted by UTF-16 code unit (as
// Java's String.compareTo does), values only, no separators. The gateway is Java: a value that
// arrives as a JSON number is hashed the way Double.toString prints it.

/** Java's Double.toString (JDK 19+, shortest round-trip digits), e.g. 1 → "1.0", 1.2345678e7 → "1.2345678E7". */
export function javaDoubleToString(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Number.POSITIVE_INFINITY) return 'Infinity';
  if (n === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  // The usual case (amounts in cents): an integer below 10^7 prints as itself with ".0".
  if (Number.isInteger(n) && n > -1e7 && n < 1e7) return `${n}.0`;
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  // toExponential() without an argument gives the shortest digits that round-trip, as Java 19+ does.
  const [mantissa = '', expText = '0'] = abs.toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  if (abs >= 1e-3 && abs < 1e7) {
    if (exp >= 0) {
      const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
      return `${sign}${whole}.${digits.slice(exp + 1) || '0'}`;
    }
    return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${exp}`;
}

/** OTTPay's data is flat; nesting deeper than this is refused before it is hashed (no stack overflow). */
export const MAX_CANONICAL_DEPTH = 32;

export class CanonicalDepthError extends Error {
  constructor() {
    super(`data nests deeper than ${MAX_CANONICAL_DEPTH} levels`);
    this.name = 'CanonicalDepthError';
  }
}

/** True when `value` nests objects or arrays more than `limit` levels deep (iterative: no recursion). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** How one value contributes to the canonical string. Throws CanonicalDepthError past the cap. */
export function canonicalValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return javaDoubleToString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null || value === undefined) return '';
  if (nestsDeeperThan(value, MAX_CANONICAL_DEPTH - 1)) throw new CanonicalDepthError();
  // [guess] OTTPay's data is flat; a nested value would be hashed as its compact JSON text.
  return JSON.stringify(value);
}

/** S: the values of `data`, ordered by their keys. */
export function canonicalString(data: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(data).sort();
  let text = '';
  for (const key of keys) text += canonicalValue(data[key]);
  return text;
}

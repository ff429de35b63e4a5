// Secrets must never reach a log line. Two nets: field names that hold secrets are blanked whatever
// their value, and free text is scrubbed for the shapes secrets take (a 16 upper-hex sign key, a
// wallet payment code = a long run of digits, "pin=1234"-style pairs).

export const REDACTED = '[redacted]';

/** Field names whose values are secret (compared case-insensitively, ignoring - and _). */
const SECRET_KEYS = new Set([
  'signkey',
  'sign',
  'key',
  'pin',
  'oldpin',
  'newpin',
  'pinhash',
  'secret',
  'password',
]);

export function isSecretKey(name: string): boolean {
  return SECRET_KEYS.has(name.toLowerCase().replace(/[-_]/g, ''));
}

/** A wallet code shows its first 4 and last 4 digits, like AttemptView.maskedCode. */
export function maskDigits(run: string): string {
  return `${run.slice(0, 4)}${'*'.repeat(run.length - 8)}${run.slice(-4)}`;
}

// Wallet payment codes are 16–24 digits; epoch-ms timestamps (13) and amounts stay readable.
const WALLET_CODE = /(?<![0-9A-Za-z])\d{15,}(?![0-9A-Za-z])/g;
const SIGN_KEY = /(?<![0-9A-Za-z])[0-9A-F]{16}(?![0-9A-Za-z])/g;
// key=value, key: value, "key":"value" for any secret field name.
const SECRET_PAIR =
  /(?<![A-Za-z0-9])(["']?)(sign[-_]?key|old[-_]?pin|new[-_]?pin|pin[-_]?hash|pin|password|secret)\1(\s*[:=]\s*)(["']?)[^\s"',;&}]+\4/gi;

// A password inside a URL (postgresql://user:password@host/db).
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi;

export function redactText(text: string): string {
  return text
    .replace(URL_PASSWORD, `$1${REDACTED}@`)
    .replace(
      SECRET_PAIR,
      (_m, q: string, name: string, sep: string, vq: string) => `${q}${name}${q}${sep}${vq}${REDACTED}${vq}`,
    )
    .replace(WALLET_CODE, (run) => maskDigits(run))
    .replace(SIGN_KEY, REDACTED);
}

/** Deep copy with secret fields blanked and every string scrubbed. Cycles and depth are bounded. */
export function redact(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 8 || seen.has(value)) return '[…]';
  seen.add(value);
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message), stack: redactText(value.stack ?? '') };
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      isSecretKey(k) && v !== null && v !== undefined && v !== '' ? REDACTED : redact(v, depth + 1, seen);
  }
  return out;
}

// Shipping the journal to a chain's central PostgreSQL: the settings (URL without password, store id,
// when to warn) and the sync agent's state as the till's screens see it (no credentials, ever).
import { z } from 'zod';

const SSL_MODES = ['disable', 'require', 'verify-ca', 'verify-full'];

// postgresql://[user[:password]@]host[:port][/database][?param=value&…] — parsed by hand: shared/ has
// no URL class (no Node, no DOM).
const PG_URL =
  /^(postgres(?:ql)?):\/\/(?:([^:@/?#]*)(?::([^@/?#]*))?@)?(\[[^\]]+\]|[^:/?#@]+)(?::(\d{1,5}))?(?:\/([^?#]*))?(?:\?([^#]*))?$/i;

interface PgUrlParts {
  password: string;
  host: string;
  params: Record<string, string>;
}

function pgUrlParts(value: string): PgUrlParts | null {
  const m = PG_URL.exec(value.trim());
  if (!m) return null;
  const params: Record<string, string> = {};
  for (const pair of (m[7] ?? '').split('&')) {
    if (!pair) continue;
    const [k = '', v = ''] = pair.split('=');
    params[k] = v;
  }
  return { password: m[3] ?? '', host: m[4] ?? '', params };
}

/** Why a PostgreSQL URL cannot be used, or null (sslmode: the libpq modes node-postgres can honour). */
export function pgUrlProblem(value: string): string | null {
  if (!/^postgres(ql)?:\/\//i.test(value.trim())) return 'the URL must start with postgresql://';
  const u = pgUrlParts(value);
  if (!u?.host) return 'not a URL (postgresql://user@host:5432/database)';
  const mode = u.params.sslmode;
  if (mode !== undefined && !SSL_MODES.includes(mode))
    return `sslmode must be one of ${SSL_MODES.join(', ')}`;
  return null;
}

/** A settings URL also keeps the password out: it has its own secret field. */
export function storeUrlProblem(value: string): string | null {
  if (pgUrlParts(value)?.password) return 'put the password in the password field, not in the URL';
  return pgUrlProblem(value);
}

export const STORE_ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

export const storeSyncSettingsSchema = z
  .object({
    /** '' = this till ships nothing. */
    url: z.string().superRefine((v, ctx) => {
      const problem = v === '' ? null : storeUrlProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    storeId: z.union([
      z.literal(''),
      z.string().regex(STORE_ID_PATTERN, 'store id is 1 to 64 letters, digits, . _ -'),
    ]),
    /** Minutes an event may wait unshipped before the till says the central figures are behind. */
    staleMinutes: z.number().int().min(1).max(1440),
  })
  .strict()
  .refine((s) => (s.url === '') === (s.storeId === ''), {
    message: 'a central database needs a store id, and a store id a database',
    path: ['storeId'],
  });

export type StoreSyncSettings = z.infer<typeof storeSyncSettingsSchema>;

export interface StoreSyncStatus {
  /** off: not configured; sandbox: the sandbox journal is never shipped; up_to_date; shipping; retrying. */
  state: 'off' | 'sandbox' | 'up_to_date' | 'shipping' | 'retrying';
  /** Events have waited longer than the configured time: the central figures are behind. */
  stale: boolean;
  /** host:port/database, never with a password. */
  target: string | null;
  storeId: string | null;
  lastShippedSeq: number;
  lastShippedAt: number | null;
  pendingEvents: number;
  /** Age of the oldest event not yet shipped (the till's own clock), or null when none waits. */
  lagMs: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
  /** Whether a password is saved for the central database (the password itself never leaves main). */
  passwordSet: boolean;
}

export const SYNC_OFF: StoreSyncStatus = {
  state: 'off',
  stale: false,
  target: null,
  storeId: null,
  lastShippedSeq: 0,
  lastShippedAt: null,
  pendingEvents: 0,
  lagMs: null,
  lastError: null,
  lastErrorAt: null,
  passwordSet: false,
};

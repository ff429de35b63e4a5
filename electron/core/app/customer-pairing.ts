// One paired LAN customer display at a time (issue 21). The till offers a six-digit code (valid five
// minutes, void after five wrong tries); the display that types it gets a fresh 128-bit token and the
// display paired before it loses its own. Only the token's SHA-256 is kept, in memory: a till restart
// renews the pairing (the display is asked for a new code), and no pairing secret is ever written.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import {
  customerPairSchema,
  PAIRING_CODE_MS,
  PAIRING_MAX_TRIES,
  type PairingOffer,
} from '../../../shared/customer-pairing.ts';
import { fail, ok, type Result } from '../../../shared/result.ts';

export interface CustomerPairing {
  /** A new code for the display (replaces one not yet used). */
  offer(): PairingOffer;
  /** The display's code → its token; the earlier display's token stops counting. */
  pair(raw: unknown): Result<{ token: string }>;
  /** Whether `token` is the paired display's. */
  isPaired(token: string | null | undefined): boolean;
}

export function createCustomerPairing(
  deps: { now(): number; code?(): string; token?(): string } = { now: Date.now },
): CustomerPairing {
  const newCode = deps.code ?? (() => String(randomInt(0, 1_000_000)).padStart(6, '0'));
  const newToken = deps.token ?? (() => randomBytes(16).toString('hex'));
  let offered: { code: string; expiresAt: number; triesLeft: number } | null = null;
  let pairedHash: Buffer | null = null;

  return {
    offer() {
      offered = { code: newCode(), expiresAt: deps.now() + PAIRING_CODE_MS, triesLeft: PAIRING_MAX_TRIES };
      return { code: offered.code, expiresAt: offered.expiresAt };
    },
    pair(raw) {
      const parsed = customerPairSchema.safeParse(raw);
      if (!parsed.success) return fail('VALIDATION', 'The pairing code is six digits');
      if (offered === null || deps.now() > offered.expiresAt) {
        offered = null;
        return fail('NOT_ALLOWED', 'No pairing code is waiting: ask the cashier for a new one');
      }
      if (!same(parsed.data.code, offered.code)) {
        offered.triesLeft--;
        if (offered.triesLeft <= 0) offered = null;
        return fail('NOT_ALLOWED', 'That pairing code is not the one on the till');
      }
      offered = null;
      const token = newToken();
      pairedHash = hash(token);
      return ok({ token });
    },
    isPaired(token) {
      if (pairedHash === null || typeof token !== 'string' || token.length === 0 || token.length > 200)
        return false;
      return timingSafeEqual(hash(token), pairedHash);
    },
  };
}

function hash(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function same(a: string, b: string): boolean {
  return timingSafeEqual(hash(a), hash(b));
}

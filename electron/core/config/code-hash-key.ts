// The HMAC key of the wallet-code hashes lives in the secret store, not in the journal: with the key and
// the masks in one file, a code could be recovered from the journal alone. A journal written before
// schema 5 keeps its key in `meta`; it is copied here before that migration removes it, so the codes
// already used stay recognised. Must run before the journal is opened (and migrated).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { SecretName, SecretStore } from './secret-store.ts';

export const LEGACY_CODE_HASH_KEY = 'code_hash_key';

/** The key a journal from before schema 5 kept in its meta table, if any. */
export function readLegacyCodeHashKey(journalPath: string): string | null {
  if (!existsSync(journalPath)) return null;
  const db = new Database(journalPath, { readonly: true, fileMustExist: true });
  try {
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'").get();
    if (!hasMeta) return null;
    const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(LEGACY_CODE_HASH_KEY) as
      | { value: string }
      | undefined;
    return row && /^[0-9a-f]{64}$/.test(row.value) ? row.value : null;
  } finally {
    db.close();
  }
}

export async function loadCodeHashKey(opts: {
  secrets: SecretStore;
  name: Extract<SecretName, 'codeHashKey' | 'sandboxCodeHashKey'>;
  journalPath: string;
  /** Sandbox only: where the secret store refuses (no keyring), keep the key in memory and say so. */
  onStoreRefused?: (err: unknown) => void;
}): Promise<Buffer> {
  const stored = await opts.secrets.get(opts.name);
  if (stored && /^[0-9a-f]{64}$/.test(stored)) return Buffer.from(stored, 'hex');
  const hex = readLegacyCodeHashKey(opts.journalPath) ?? randomBytes(32).toString('hex');
  try {
    await opts.secrets.set(opts.name, hex);
  } catch (err) {
    if (!opts.onStoreRefused) throw err;
    opts.onStoreRefused(err);
  }
  return Buffer.from(hex, 'hex');
}

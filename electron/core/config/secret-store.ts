// Where the sign key, the supervisor PIN hash and the wallet-code hash keys live. Electron uses safeStorage (electron/main);
// the browser shell and the CLI use a 0600 JSON file; tests use memory.
import { existsSync, readFileSync } from 'node:fs';
import { durablePoint } from '../durable-points.ts';
import { writeFileAtomic } from './atomic-file.ts';

/**
 * codeHashKey / sandboxCodeHashKey: the HMAC keys of the live and sandbox journals' wallet-code hashes.
 * The central store database's password and client-certificate key sit beside the sign key.
 */
export type SecretName =
  | 'signKey'
  | 'pinHash'
  | 'codeHashKey'
  | 'sandboxCodeHashKey'
  | 'storePgPassword'
  | 'storePgClientKey'
  /** The local POS API's bearer key (write-only, like the sign key). */
  | 'posApiKey';

export interface SecretStore {
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  has(name: SecretName): Promise<boolean>;
}

export function createMemorySecretStore(initial: Partial<Record<SecretName, string>> = {}): SecretStore {
  const values = new Map<SecretName, string>(Object.entries(initial) as Array<[SecretName, string]>);
  return {
    get: async (name) => values.get(name) ?? null,
    set: async (name, value) => {
      values.set(name, value);
    },
    has: async (name) => values.has(name),
  };
}

/** A JSON file readable only by its owner (0600), written atomically. */
export function createFileSecretStore(path: string): SecretStore {
  const read = (): Partial<Record<SecretName, string>> => {
    if (!existsSync(path)) return {};
    try {
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
      return typeof parsed === 'object' && parsed !== null
        ? (parsed as Partial<Record<SecretName, string>>)
        : {};
    } catch {
      // Never echo the file: it holds secrets.
      throw new Error('secrets file is not readable JSON');
    }
  };
  return {
    get: async (name) => {
      const v = read()[name];
      return typeof v === 'string' ? v : null;
    },
    set: async (name, value) => {
      const next = { ...read(), [name]: value };
      writeFileAtomic(path, JSON.stringify(next), {
        mode: 0o600,
        reached: (step) => durablePoint(`secrets.${step}`),
      });
    },
    has: async (name) => typeof read()[name] === 'string',
  };
}

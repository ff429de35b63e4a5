// From a PostgreSQL URL (as the owner's IT person writes it) to node-postgres client options. The
// password and a client certificate's key come from the caller (the till's secret store), never from
// settings; `sslmode` follows libpq's names for the modes node-postgres can honour.
import { readFileSync } from 'node:fs';
import type { ClientConfig } from 'pg';
import { pgUrlProblem } from '../../shared/store-sync.ts';

export { pgUrlProblem };
export type SslMode = 'disable' | 'require' | 'verify-ca' | 'verify-full';

export interface PgSecrets {
  password?: string | null;
  /** PEM of the client certificate's private key (the certificate itself is not secret: sslcert=path). */
  clientKey?: string | null;
}

/** A URL fit for a log, a renderer or an error: the password (if any was given) replaced. */
export function redactPgUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unreadable PostgreSQL URL)';
  }
}

/** Scrubs a known secret out of a message (a driver error may echo what it was given). */
export function scrub(message: string, secrets: ReadonlyArray<string | null | undefined>): string {
  let out = message;
  for (const s of secrets) if (s) out = out.split(s).join('***');
  return out;
}

export function pgClientConfig(url: string, secrets: PgSecrets = {}): ClientConfig {
  const problem = pgUrlProblem(url);
  if (problem) throw new Error(`PostgreSQL URL ${redactPgUrl(url)}: ${problem}`);
  const u = new URL(url);
  const q = u.searchParams;
  const mode = (q.get('sslmode') ?? 'disable') as SslMode;
  const password = secrets.password || decodeURIComponent(u.password) || undefined;
  const config: ClientConfig = {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : 5432,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
    user: decodeURIComponent(u.username) || 'postgres',
    connectionTimeoutMillis: Number(q.get('connect_timeout') ?? 10) * 1000,
    application_name: q.get('application_name') ?? 'ottpay-till',
  };
  if (password !== undefined) config.password = password;
  if (mode !== 'disable') {
    const verify = mode === 'verify-ca' || mode === 'verify-full';
    const rootCert = q.get('sslrootcert');
    const cert = q.get('sslcert');
    config.ssl = {
      rejectUnauthorized: verify,
      ...(rootCert ? { ca: readFileSync(rootCert, 'utf8') } : {}),
      ...(cert ? { cert: readFileSync(cert, 'utf8') } : {}),
      ...(secrets.clientKey ? { key: secrets.clientKey } : {}),
      // verify-ca checks the chain but not the host name, as libpq does.
      ...(mode === 'verify-ca' ? { checkServerIdentity: () => undefined } : {}),
    };
  }
  return config;
}

/** Where a URL points, without credentials: the key under which a till records what it has shipped. */
export function pgTarget(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || '5432'}/${decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres'}`;
}

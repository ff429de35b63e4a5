// The ingest's first step under a till login: the till id the batch names must be the login's own
// (pos.claim_till binds a new login to a till id never seen before). Row-level security enforces the
// same in the database on every statement; this check turns it into a clear error before anything is
// written. It runs once per connection and till id (a reconnect is a new client, checked again): a
// login revoked or rebound by the owner meanwhile is refused by row-level security in the very next
// batch's own statement, and that refusal makes the batch after it check again.
import type { ClientBase } from 'pg';

export class TillLoginRefused extends Error {
  override name = 'TillLoginRefused';
}

export async function checkTillLogin(client: ClientBase, tillId: string): Promise<void> {
  const r = await client.query('SELECT pos.claim_till($1) AS till', [tillId]);
  const bound = r.rows[0]?.till as string | null | undefined;
  // null: not a till login (the owner, who owns the tables); its writes are its own responsibility.
  if (bound != null && bound !== tillId)
    throw new TillLoginRefused(`batch refused: this database login ships till ${bound}, not till ${tillId}`);
}

const checked = new WeakMap<ClientBase, string>();

/** The check, unless this connection already passed it for this till id. */
export async function checkTillLoginOnce(
  client: ClientBase,
  tillId: string,
  onRoundTrip?: (what: string, ms: number) => void,
): Promise<void> {
  if (checked.get(client) === tillId) return;
  const t = performance.now();
  await checkTillLogin(client, tillId);
  onRoundTrip?.('login check', performance.now() - t);
  checked.set(client, tillId);
}

/** The next batch on this connection checks the login again. */
export function forgetTillLogin(client: ClientBase): void {
  checked.delete(client);
}

/** A permission error from PostgreSQL (row-level security, a missing grant) said in the till's words. */
export function tillLoginError(err: unknown): unknown {
  const code = (err as { code?: unknown }).code;
  if (code === '42883' && /claim_till/.test((err as Error).message))
    return new TillLoginRefused(
      'batch refused: the central schema predates till logins; run store migrate as the owner',
    );
  if (code !== '42501' || err instanceof TillLoginRefused) return err;
  return new TillLoginRefused(
    `batch refused: this database login may not write this till's rows (${(err as Error).message}); the owner adds a login per till with store add-till`,
  );
}

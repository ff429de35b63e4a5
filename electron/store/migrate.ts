// Applies the central migrations under an advisory lock, so tills starting together (or a till and the
// CLI) do not race; each step commits with its row in pos.schema_migrations.
import type { ClientBase } from 'pg';
import { PG_MIGRATIONS } from './migrations/index.ts';
import type { PgMigration } from './migrations/migration.ts';

const LOCK_KEY = 7_431_905_113; // any constant; names this schema's migration lock

export async function centralSchemaVersion(client: ClientBase): Promise<number> {
  const exists = await client.query(`SELECT to_regclass('pos.schema_migrations') AS t`);
  if (!exists.rows[0]?.t) return 0;
  const r = await client.query('SELECT coalesce(max(version), 0)::int AS v FROM pos.schema_migrations');
  return Number(r.rows[0]?.v ?? 0);
}

/** Brings the central schema up to date; returns the versions it applied. */
export async function migrateCentral(
  client: ClientBase,
  migrations: readonly PgMigration[] = PG_MIGRATIONS,
): Promise<number[]> {
  const applied: number[] = [];
  // Up to date: no lock, no DDL, so a till's role needs no CREATE right once IT ran `store migrate`.
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if ((await centralSchemaVersion(client)) >= latest) return applied;
  await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS pos;
      CREATE TABLE IF NOT EXISTS pos.schema_migrations (
        version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const current = await centralSchemaVersion(client);
    for (const m of migrations) {
      if (m.version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO pos.schema_migrations (version, name) VALUES ($1, $2)', [
          m.version,
          m.name,
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
      applied.push(m.version);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
  }
  return applied;
}

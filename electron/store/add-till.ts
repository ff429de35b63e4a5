// `store add-till`: a database login of its own for one till (issue 22: a login shared by every till
// let one till rewrite another's rows). The login is a member of pos_till, listed in pos.till_logins,
// and bound to its till id now (--till) or by its first batch (a till id never seen centrally).
// Run as the owner, after `store migrate`. The new password is random and returned once; the server
// is sent only its SCRAM verifier.
import { randomBytes } from 'node:crypto';
import type { ClientBase } from 'pg';
import { scramVerifier } from './scram-verifier.ts';

/** A plain lower-case role name: nothing to quote, nothing to confuse with another login. */
export const TILL_LOGIN_NAME = /^[a-z][a-z0-9_]{0,62}$/;

export interface AddedTill {
  role: string;
  password: string;
  tillId: string | null;
}

export async function addTillLogin(
  client: ClientBase,
  role: string,
  tillId: string | null,
): Promise<AddedTill> {
  if (!TILL_LOGIN_NAME.test(role))
    throw new Error('--role is a lower-case letter, then letters, digits or _');
  const password = randomBytes(18).toString('base64url');
  await client.query('BEGIN');
  try {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (exists.rowCount) throw new Error(`a database role named ${role} already exists`);
    if (tillId !== null) {
      const taken = await client.query('SELECT role_name FROM pos.till_logins WHERE till_id = $1', [tillId]);
      if (taken.rowCount) throw new Error(`till ${tillId} already has the login ${taken.rows[0]?.role_name}`);
    }
    const ddl = await client.query(
      `SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE pos_till', $1::text, $2::text) AS sql`,
      [role, scramVerifier(password)],
    );
    await client.query(String(ddl.rows[0]?.sql));
    await client.query('INSERT INTO pos.till_logins (role_name, till_id) VALUES ($1, $2)', [role, tillId]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
  return { role, password, tillId };
}

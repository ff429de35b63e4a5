// Central schema 3: one database login per till. A shared login let any till (or anyone holding its
// password) write another till's rows, and a forged high sequence number then hid that till's real
// later rows (issue 22). Now every till login is a member of the group role `pos_till`, is listed in
// pos.till_logins with the one till id it ships, and row-level security lets it see and write only
// that till's rows. The owner (who runs `store migrate` and owns the tables) is not subject to it;
// other roles (a report reader) read everything but write nothing unless granted.
// A login is bound to its till id by `store add-till --till ID`, or on its first batch, but only to a
// till id the central database has never seen (an existing till cannot be taken over that way).
import type { PgMigration } from './migration.ts';

export const pgMigration0003: PgMigration = {
  version: 3,
  name: 'till-logins',
  sql: `
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pos_till') THEN CREATE ROLE pos_till NOLOGIN; END IF;
END $$;

CREATE TABLE pos.till_logins (
  role_name text PRIMARY KEY,
  till_id   text UNIQUE,
  added_at  timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON pos.till_logins FROM PUBLIC;

-- The till id the session's login ships, or null (not a till login, or not bound yet).
CREATE FUNCTION pos.session_till() RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pos
  AS $f$ SELECT till_id FROM pos.till_logins WHERE role_name = session_user $f$;

-- Whether the session's login is a till login at all (bound or not).
CREATE FUNCTION pos.is_till_login() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pos
  AS $f$ SELECT EXISTS (SELECT 1 FROM pos.till_logins WHERE role_name = session_user) $f$;

-- Called by the ingest before it writes: binds an unbound till login to the till id its batch names
-- (only a till id never seen centrally) and returns the login's till id; null for a non-till login.
CREATE FUNCTION pos.claim_till(p_till text) RETURNS text
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pos
  AS $f$
DECLARE
  bound text;
BEGIN
  SELECT till_id INTO bound FROM pos.till_logins WHERE role_name = session_user FOR UPDATE;
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF bound IS NOT NULL THEN RETURN bound; END IF;
  IF EXISTS (SELECT 1 FROM pos.tills WHERE till_id = p_till)
     OR EXISTS (SELECT 1 FROM pos.till_logins WHERE till_id = p_till) THEN
    RAISE EXCEPTION 'till % already ships to this database: the owner binds a login to it with store add-till --till', p_till
      USING ERRCODE = '42501';
  END IF;
  UPDATE pos.till_logins SET till_id = p_till WHERE role_name = session_user;
  RETURN p_till;
END $f$;

REVOKE ALL ON FUNCTION pos.session_till(), pos.is_till_login(), pos.claim_till(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pos.session_till(), pos.is_till_login() TO PUBLIC;
GRANT EXECUTE ON FUNCTION pos.claim_till(text) TO pos_till;

GRANT USAGE ON SCHEMA pos TO pos_till;
GRANT SELECT ON pos.schema_migrations TO pos_till;
GRANT SELECT, INSERT ON pos.stores TO pos_till;
GRANT SELECT, INSERT, UPDATE ON pos.tills, pos.events, pos.attempts, pos.refunds, pos.staff TO pos_till;

ALTER TABLE pos.tills ENABLE ROW LEVEL SECURITY;
ALTER TABLE pos.events ENABLE ROW LEVEL SECURITY;
ALTER TABLE pos.attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE pos.refunds ENABLE ROW LEVEL SECURITY;
ALTER TABLE pos.staff ENABLE ROW LEVEL SECURITY;

CREATE POLICY own_till ON pos.tills TO pos_till
  USING (till_id = (SELECT pos.session_till())) WITH CHECK (till_id = (SELECT pos.session_till()));
CREATE POLICY own_till ON pos.events TO pos_till
  USING (till_id = (SELECT pos.session_till())) WITH CHECK (till_id = (SELECT pos.session_till()));
CREATE POLICY own_till ON pos.attempts TO pos_till
  USING (till_id = (SELECT pos.session_till())) WITH CHECK (till_id = (SELECT pos.session_till()));
CREATE POLICY own_till ON pos.refunds TO pos_till
  USING (till_id = (SELECT pos.session_till())) WITH CHECK (till_id = (SELECT pos.session_till()));
CREATE POLICY own_till ON pos.staff TO pos_till
  USING (till_id = (SELECT pos.session_till())) WITH CHECK (till_id = (SELECT pos.session_till()));

-- Readers that are not till logins (the owner's report role) keep reading the whole chain.
-- (Each function sits in a sub-select: evaluated once per statement, not once per row.)
CREATE POLICY readers ON pos.tills FOR SELECT USING (NOT (SELECT pos.is_till_login()));
CREATE POLICY readers ON pos.events FOR SELECT USING (NOT (SELECT pos.is_till_login()));
CREATE POLICY readers ON pos.attempts FOR SELECT USING (NOT (SELECT pos.is_till_login()));
CREATE POLICY readers ON pos.refunds FOR SELECT USING (NOT (SELECT pos.is_till_login()));
CREATE POLICY readers ON pos.staff FOR SELECT USING (NOT (SELECT pos.is_till_login()));
`,
};

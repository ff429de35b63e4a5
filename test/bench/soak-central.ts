// The soak's central store: a real PostgreSQL started for the run (test/support/postgres.ts), the
// central schema migrated by its owner, and a login of the till's own made as `store add-till` makes it.
// The server records each transaction's commit time (track_commit_timestamp), so the sync lag of an
// event is read where it happened: its central commit minus its journal time (the `at` the engine
// wrote in the same journal transaction, just before that commit).
import pg from 'pg';
import { addTillLogin } from '../../electron/store/add-till.ts';
import { migrateCentral } from '../../electron/store/migrate.ts';
import { startTestPostgres } from '../support/postgres.ts';

const DATABASE = 'soak';
const TILL_ROLE = 'soak_till';

export interface CentralCounts {
  /** Rows of the till in pos.events, and how many distinct sequence numbers among them. */
  rows: number;
  distinct: number;
  maxSeq: number;
}

export interface SoakCentral {
  /** The URL the till's settings take (no password: that goes to its secret store). */
  tillUrl: string;
  tillPassword: string;
  storeId: string;
  /** Open connections of the till's login (the sync agent's). */
  tillConnections(): Promise<number>;
  /** All client connections to the server, this observer's included. */
  allConnections(): Promise<number>;
  /** The sync lag's floor: one single-row INSERT round trip (its own commit) on the observer's connection. */
  probe(): Promise<number>;
  /** Sessions ever opened on the soak's database (the server's statistics): grows on each reconnect. */
  sessions(): Promise<number>;
  /** Central commit − journal time, in ms, of each event of the till with fromSeq < seq ≤ toSeq. */
  lags(fromSeq: number, toSeq: number): Promise<number[]>;
  counts(): Promise<CentralCounts>;
  close(): Promise<void>;
}

export async function startSoakCentral(storeId = 'soak'): Promise<SoakCentral> {
  const server = await startTestPostgres();
  let owner: pg.Client | null = null;
  try {
    // Commit timestamps are a server-start setting: set it, then restart once.
    const setup = new pg.Client({ connectionString: server.urlWithPassword() });
    await setup.connect();
    await setup.query('ALTER SYSTEM SET track_commit_timestamp = on');
    await setup.end();
    server.stop();
    server.start();
    await server.createDatabase(DATABASE);
    owner = new pg.Client({ connectionString: server.urlWithPassword(DATABASE) });
    owner.on('error', () => undefined);
    await owner.connect();
    await migrateCentral(owner);
    const login = await addTillLogin(owner, TILL_ROLE, null);
    await owner.query('CREATE TABLE public.floor_probe (id bigserial PRIMARY KEY, at bigint NOT NULL)');
    const c = owner;
    return {
      tillUrl: `postgresql://${TILL_ROLE}@127.0.0.1:${server.port}/${DATABASE}`,
      tillPassword: login.password,
      storeId,
      async tillConnections() {
        const r = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1', [
          TILL_ROLE,
        ]);
        return r.rows[0]?.n ?? 0;
      },
      async allConnections() {
        const r = await c.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend'`,
        );
        return r.rows[0]?.n ?? 0;
      },
      async probe() {
        const t = performance.now();
        await c.query('INSERT INTO public.floor_probe (at) VALUES ($1)', [Date.now()]);
        return performance.now() - t;
      },
      async sessions() {
        const r = await c.query('SELECT sessions::int AS n FROM pg_stat_database WHERE datname = $1', [
          DATABASE,
        ]);
        return r.rows[0]?.n ?? 0;
      },
      async lags(fromSeq, toSeq) {
        // One till ships here: the owner sees every row (row-level security binds the till logins only).
        const r = await c.query(
          `SELECT (extract(epoch FROM pg_xact_commit_timestamp(xmin)) * 1000 - at)::float8 AS lag
           FROM pos.events WHERE seq > $1 AND seq <= $2`,
          [fromSeq, toSeq],
        );
        return r.rows.map((row: { lag: number }) => row.lag);
      },
      async counts() {
        const r = await c.query(
          'SELECT count(*)::int AS rows, count(DISTINCT (till_id, seq))::int AS distinct, coalesce(max(seq), 0)::int AS "maxSeq" FROM pos.events',
        );
        return r.rows[0] as CentralCounts;
      },
      async close() {
        await c.end().catch(() => undefined);
        server.dispose();
      },
    };
  } catch (err) {
    await owner?.end().catch(() => undefined);
    server.dispose();
    throw err;
  }
}

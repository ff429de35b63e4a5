// Pieces of the tests that talk to the central database without a till: a database migrated to today's
// central schema, a connection as a given role, and a batch of one attempt event (by default the
// gateway's paid answer).
import pg from 'pg';
import type { AttemptSnapshot, Batch, ShippedEvent } from '../../electron/store/batch.ts';
import { migrateCentral } from '../../electron/store/migrate.ts';
import type { TestPostgres } from './postgres.ts';

/** Creates database `name` on the test server and migrates it; resolves to its owner's connection. */
export async function migratedCentral(server: TestPostgres, name: string): Promise<pg.Client> {
  await server.createDatabase(name);
  const owner = new pg.Client({ connectionString: server.urlWithPassword(name) });
  await owner.connect();
  await migrateCentral(owner);
  return owner;
}

/** A connection to `database` on the loopback server as `role`; a dropped connection shows at its next query. */
export async function connectAs(
  port: number,
  database: string,
  role: string,
  password: string,
): Promise<pg.Client> {
  const c = new pg.Client({ host: '127.0.0.1', port, user: role, password, database });
  c.on('error', () => undefined);
  await c.connect();
  return c;
}

/** A till's batch holding only event `seq` (sent, and the event written, at `at`) and `attempts`' rows. */
export function oneEventBatch(o: {
  tillId: string;
  seq: number;
  at: number;
  event?: Partial<ShippedEvent>;
  attempts?: AttemptSnapshot[];
}): Batch {
  return {
    storeId: 'downtown',
    tillId: o.tillId,
    terminalNo: 'T1',
    timeZone: 'America/Toronto',
    appVersion: 'test',
    sentAt: o.at,
    asOfSeq: o.seq,
    events: [
      {
        seq: o.seq,
        at: o.at,
        entity: 'attempt',
        entityId: `att-${o.seq}`,
        type: 'attempt.gateway_paid',
        cause: 'gateway',
        fromState: 'submitted',
        toState: 'paid',
        detail: {},
        ...o.event,
      },
    ],
    attempts: o.attempts ?? [],
    refunds: [],
  };
}

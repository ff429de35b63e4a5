// Every central migration, in order. Append only: a shipped migration is never edited.
import { pgMigration0001 } from './0001-init.ts';
import { pgMigration0002 } from './0002-staff-names.ts';
import { pgMigration0003 } from './0003-till-logins.ts';
import type { PgMigration } from './migration.ts';

export const PG_MIGRATIONS: readonly PgMigration[] = [pgMigration0001, pgMigration0002, pgMigration0003];
export const LATEST_PG_SCHEMA_VERSION = PG_MIGRATIONS.length;

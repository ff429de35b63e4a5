// Every migration, in order. Append only: a shipped migration is never edited.
import { migration0001 } from './0001-init.ts';
import { migration0002 } from './0002-callback-currency.ts';
import { migration0003 } from './0003-sync-acks.ts';
import type { Migration } from './migration.ts';

export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003];
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

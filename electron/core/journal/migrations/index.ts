// Every migration, in order. Append only: a shipped migration is never edited.
import { migration0001 } from './0001-init.ts';
import { migration0002 } from './0002-callback-currency.ts';
import { migration0003 } from './0003-pin-events.ts';
import { migration0004 } from './0004-callback-rejections.ts';
import { migration0005 } from './0005-wallet-code-privacy.ts';
import { migration0006 } from './0006-receipts-and-rates.ts';
import { migration0007 } from './0007-staff-and-shifts.ts';
import { migration0008 } from './0008-sync-acks.ts';
import { migration0009 } from './0009-pos-api.ts';
import { migration0010 } from './0010-customer-choice.ts';
import { migration0011 } from './0011-refunds-attention.ts';
import { migration0012 } from './0012-attention-by-time.ts';
import type { Migration } from './migration.ts';

export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
];
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

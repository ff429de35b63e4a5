// `npm run --silent cli -- staff add --data-dir DIR --name NAME --role cashier|supervisor|owner --pin PIN
// --operator-id ID` and `staff list --data-dir DIR`. `add` makes the journal when the folder has none
// and takes the folder's lock (a till must not be migrating it meanwhile); `list` is read-only, never
// locks, and never prints a PIN or its hash.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { STAFF_ROLES, type StaffRole } from '../../../shared/staff.ts';
import { escapeUnsafe } from '../../../shared/unsafe-text.ts';
import { lockDataDir } from '../../core/config/data-dir-lock.ts';
import { JOURNAL_FILE } from '../../core/journal/journal-files.ts';
import { checkNewStaff } from '../../core/staff/directory.ts';
import { openJournalReadOnly, openStaffStore } from '../../core/staff/staff-store.ts';
import { describeError, parseFlags, printJson } from '../cli-support.ts';

export const summary = 'staff accounts: add (name, role, PIN, operator id) or list (no PINs)';

const USAGE = `usage: npm run --silent cli -- staff add --data-dir DIR --name NAME --role cashier|supervisor|owner --pin PIN --operator-id ID
       npm run --silent cli -- staff list --data-dir DIR [--json]
`;

async function add(args: string[]): Promise<number> {
  const flags = parseFlags(args, {
    'data-dir': { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    pin: { type: 'string' },
    'operator-id': { type: 'string' },
  });
  if ('error' in flags) {
    process.stderr.write(`staff add: ${flags.error}\n${USAGE}`);
    return 2;
  }
  const v = flags.values;
  const dataDir = v['data-dir'];
  const missing = ['data-dir', 'name', 'role', 'pin', 'operator-id'].filter((k) => typeof v[k] !== 'string');
  if (typeof dataDir !== 'string' || missing.length > 0) {
    process.stderr.write(`staff add: missing --${missing.join(', --')}\n${USAGE}`);
    return 2;
  }
  const role = String(v.role);
  if (!(STAFF_ROLES as readonly string[]).includes(role)) {
    process.stderr.write(`staff add: --role is cashier, supervisor or owner\n`);
    return 2;
  }
  let account: ReturnType<typeof checkNewStaff>;
  try {
    account = checkNewStaff({
      name: String(v.name),
      role: role as StaffRole,
      pin: String(v.pin),
      operatorId: String(v['operator-id']),
    });
  } catch (err) {
    process.stderr.write(`staff add: ${describeError(err).replace(/^error: /, '')}\n`);
    return 2;
  }
  mkdirSync(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir);
  try {
    const store = openStaffStore(dataDir, Date.now);
    try {
      const added = await store.directory.add(account);
      process.stdout.write(
        `added staff ${added.staffId}: ${escapeUnsafe(added.name)} (${added.role}, operator ${added.operatorId})\n`,
      );
      return 0;
    } finally {
      store.close();
    }
  } finally {
    lock.release();
  }
}

function list(args: string[]): number {
  const flags = parseFlags(args, { 'data-dir': { type: 'string' }, json: { type: 'boolean' } });
  if ('error' in flags || typeof flags.values['data-dir'] !== 'string') {
    process.stderr.write(`staff list: ${'error' in flags ? flags.error : 'missing --data-dir'}\n${USAGE}`);
    return 2;
  }
  const file = join(flags.values['data-dir'], JOURNAL_FILE);
  if (!existsSync(file)) {
    process.stderr.write(`staff list: no till journal in ${flags.values['data-dir']}\n`);
    return 1;
  }
  const db = openJournalReadOnly(file);
  try {
    const rows = db
      .prepare(
        'SELECT staff_id AS staffId, name, role, operator_id AS operatorId, active FROM staff ORDER BY staff_id',
      )
      .all() as Array<{ staffId: number; name: string; role: string; operatorId: string; active: number }>;
    const staff = rows.map((r) => ({ ...r, staffId: String(r.staffId), active: r.active === 1 }));
    if (flags.values.json) printJson(staff);
    else
      for (const s of staff)
        process.stdout.write(
          `${s.staffId}\t${escapeUnsafe(s.name)}\t${s.role}\t${s.operatorId}\t${s.active ? 'active' : 'inactive'}\n`,
        );
    return 0;
  } finally {
    db.close();
  }
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'add') return await add(rest);
    if (sub === 'list') return list(rest);
  } catch (err) {
    process.stderr.write(`staff ${sub}: ${describeError(err).replace(/^error: /, '')}\n`);
    return 1;
  }
  process.stderr.write(USAGE);
  return 2;
}

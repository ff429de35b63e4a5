// Staff accounts: add, list, find by PIN (PINs are unique per till, so the PIN alone names the
// cashier), change a PIN, deactivate. A PIN is only ever kept as a scrypt hash; since each hash has its
// own salt, finding an account by PIN verifies against every active account (a till has a handful).

import { AppError } from '../../../shared/result.ts';
import { STAFF_ROLES, type StaffRole, type StaffView } from '../../../shared/staff.ts';
import { hashPin, verifyPin } from '../config/pin-hash.ts';
import type { Db } from '../journal/open-journal.ts';
import { createStaffRepo, type StaffRow, staffView } from './staff-repo.ts';

export const PIN_PATTERN = /^\d{4,8}$/;
export const OPERATOR_ID_PATTERN = /^\d{1,10}$/;

export interface NewStaff {
  name: string;
  role: StaffRole;
  pin: string;
  operatorId: string;
}

export interface StaffDirectory {
  add(a: NewStaff): Promise<StaffView>;
  /** Adds an account whose PIN hash already exists (the first owner, from the old supervisor PIN). */
  addHashed(a: Omit<NewStaff, 'pin'> & { pinHash: string }): StaffView;
  list(): StaffView[];
  get(staffId: string): StaffView | null;
  /** The active account with this PIN, or null. */
  findByPin(pin: string): Promise<StaffView | null>;
  changePin(staffId: string, newPin: string): Promise<void>;
  setActive(staffId: string, active: boolean): void;
  hasActiveOwner(): boolean;
}

export function checkNewStaff(a: NewStaff): NewStaff {
  const name = a.name.trim();
  if (name.length < 1 || name.length > 60) throw new AppError('VALIDATION', 'name is 1 to 60 characters');
  if (!(STAFF_ROLES as readonly string[]).includes(a.role))
    throw new AppError('VALIDATION', 'role is cashier, supervisor or owner');
  if (!PIN_PATTERN.test(a.pin)) throw new AppError('VALIDATION', 'PIN is 4 to 8 digits');
  if (!OPERATOR_ID_PATTERN.test(a.operatorId))
    throw new AppError('VALIDATION', 'operator id is up to 10 digits');
  return { ...a, name };
}

export function createStaffDirectory(db: Db, now: () => number): StaffDirectory {
  const repo = createStaffRepo(db);

  async function matching(pin: string, rows: StaffRow[]): Promise<StaffRow | null> {
    const hits = await Promise.all(rows.map((r) => verifyPin(pin, r.pinHash)));
    return rows[hits.indexOf(true)] ?? null;
  }

  async function checkPinFree(pin: string, except?: string): Promise<void> {
    const others = repo.all().filter((r) => r.active && r.staffId !== except);
    if (await matching(pin, others))
      throw new AppError(
        'CONFLICT',
        'That PIN is already used on this till: choose another',
        false,
        'pin-taken',
      );
  }

  return {
    async add(input) {
      const a = checkNewStaff(input);
      await checkPinFree(a.pin);
      const pinHash = await hashPin(a.pin);
      const id = repo.insert({ name: a.name, role: a.role, pinHash, operatorId: a.operatorId }, now());
      return staffView(repo.get(id) as StaffRow);
    },
    addHashed(a) {
      const id = repo.insert(a, now());
      return staffView(repo.get(id) as StaffRow);
    },
    list: () => repo.all().map(staffView),
    get(staffId) {
      const row = repo.get(staffId);
      return row ? staffView(row) : null;
    },
    async findByPin(pin) {
      if (!PIN_PATTERN.test(pin)) return null;
      const row = await matching(
        pin,
        repo.all().filter((r) => r.active),
      );
      return row ? staffView(row) : null;
    },
    async changePin(staffId, newPin) {
      if (!PIN_PATTERN.test(newPin)) throw new AppError('VALIDATION', 'PIN is 4 to 8 digits');
      await checkPinFree(newPin, staffId);
      repo.setPin(staffId, await hashPin(newPin), now());
    },
    setActive(staffId, active) {
      const row = repo.get(staffId);
      if (!row) throw new AppError('NOT_FOUND', 'No such staff account');
      if (
        !active &&
        row.role === 'owner' &&
        repo.all().filter((r) => r.active && r.role === 'owner').length <= 1
      )
        throw new AppError('CONFLICT', 'The last owner cannot be deactivated');
      repo.setActive(staffId, active, now());
    },
    hasActiveOwner: () => repo.all().some((r) => r.active && r.role === 'owner'),
  };
}

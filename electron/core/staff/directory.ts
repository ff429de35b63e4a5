// Staff accounts: add, list, find by PIN (PINs are unique per till, so the PIN alone names the
// cashier), change a PIN, deactivate. A PIN is only ever kept as a scrypt hash; since each hash has its
// own salt, finding an account by PIN verifies against every active account (a till has a handful).
// A PIN is unique across every account, active or not: a deactivated account keeps its PIN, and
// reactivating it must not give one PIN to two people. Two active accounts that still share one (made
// before that rule) sign in neither: a supervisor resets one of them.

import { AppError } from '../../../shared/result.ts';
import { STAFF_ROLES, type StaffRole, type StaffView } from '../../../shared/staff.ts';
import { hasUnsafeCharacters, UNSAFE_TEXT_MESSAGE } from '../../../shared/unsafe-text.ts';
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
  /** The active account with this PIN, or null; refuses a PIN two active accounts share. */
  findByPin(pin: string): Promise<StaffView | null>;
  /** Whether an account other than `except` holds this PIN, active or not. Answers about others' PINs:
   *  ask it only under the PIN throttle (staff/pin-claim.ts). */
  pinTaken(pin: string, except?: string): Promise<boolean>;
  changePin(staffId: string, newPin: string): Promise<void>;
  setActive(staffId: string, active: boolean): void;
  hasActiveOwner(): boolean;
}

export function checkNewStaff(a: NewStaff): NewStaff {
  const name = a.name.trim();
  if (name.length < 1 || name.length > 60) throw new AppError('VALIDATION', 'name is 1 to 60 characters');
  if (hasUnsafeCharacters(name)) throw new AppError('VALIDATION', `name: ${UNSAFE_TEXT_MESSAGE}`);
  if (!(STAFF_ROLES as readonly string[]).includes(a.role))
    throw new AppError('VALIDATION', 'role is cashier, supervisor or owner');
  if (!PIN_PATTERN.test(a.pin)) throw new AppError('VALIDATION', 'PIN is 4 to 8 digits');
  if (!OPERATOR_ID_PATTERN.test(a.operatorId))
    throw new AppError('VALIDATION', 'operator id is up to 10 digits');
  return { ...a, name };
}

export function createStaffDirectory(db: Db, now: () => number): StaffDirectory {
  const repo = createStaffRepo(db);

  async function matchingAll(pin: string, rows: StaffRow[]): Promise<StaffRow[]> {
    const hits = await Promise.all(rows.map((r) => verifyPin(pin, r.pinHash)));
    return rows.filter((_, i) => hits[i]);
  }

  async function pinTaken(pin: string, except?: string): Promise<boolean> {
    if (!PIN_PATTERN.test(pin)) return false;
    const others = repo.all().filter((r) => r.staffId !== except);
    return (await matchingAll(pin, others)).length > 0;
  }

  async function checkPinFree(pin: string, except?: string): Promise<void> {
    if (await pinTaken(pin, except))
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
      const rows = await matchingAll(
        pin,
        repo.all().filter((r) => r.active),
      );
      if (rows.length > 1)
        throw new AppError(
          'CONFLICT',
          'This PIN belongs to more than one account: a supervisor must reset one of them',
          false,
          'pin-shared',
        );
      const row = rows[0];
      return row ? staffView(row) : null;
    },
    pinTaken,
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

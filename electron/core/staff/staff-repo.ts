// The staff table (migration staff-and-shifts): accounts with a scrypt PIN hash, never deleted (deactivated instead, so
// old attempts keep naming who took them).
import type { StaffRole, StaffView } from '../../../shared/staff.ts';
import type { Db } from '../journal/open-journal.ts';

export interface StaffRow extends StaffView {
  pinHash: string;
}

interface RawStaff {
  staffId: number;
  name: string;
  role: StaffRole;
  pinHash: string;
  operatorId: string;
  active: number;
}

const COLUMNS = `staff_id AS staffId, name, role, pin_hash AS pinHash, operator_id AS operatorId, active`;

const fromRaw = (r: RawStaff): StaffRow => ({ ...r, staffId: String(r.staffId), active: r.active === 1 });

export function createStaffRepo(db: Db) {
  const insert =
    db.prepare(`INSERT INTO staff (name, role, pin_hash, operator_id, active, created_at, updated_at)
    VALUES (?, ?, ?, ?, 1, ?, ?)`);
  const all = db.prepare(`SELECT ${COLUMNS} FROM staff ORDER BY staff_id`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM staff WHERE staff_id = ?`);
  const setPin = db.prepare('UPDATE staff SET pin_hash = ?, updated_at = ? WHERE staff_id = ?');
  const setActive = db.prepare('UPDATE staff SET active = ?, updated_at = ? WHERE staff_id = ?');
  return {
    insert(a: { name: string; role: StaffRole; pinHash: string; operatorId: string }, at: number): string {
      return String(insert.run(a.name, a.role, a.pinHash, a.operatorId, at, at).lastInsertRowid);
    },
    all(): StaffRow[] {
      return (all.all() as RawStaff[]).map(fromRaw);
    },
    get(staffId: string): StaffRow | null {
      const raw = byId.get(Number(staffId)) as RawStaff | undefined;
      return raw ? fromRaw(raw) : null;
    },
    setPin(staffId: string, pinHash: string, at: number): void {
      setPin.run(pinHash, at, Number(staffId));
    },
    setActive(staffId: string, active: boolean, at: number): void {
      setActive.run(active ? 1 : 0, at, Number(staffId));
    },
  };
}

export type StaffRepo = ReturnType<typeof createStaffRepo>;

export function staffView(row: StaffRow): StaffView {
  return {
    staffId: row.staffId,
    name: row.name,
    role: row.role,
    operatorId: row.operatorId,
    active: row.active,
  };
}

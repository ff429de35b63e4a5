// The staff side of the till: the staff accounts (a new till's supervisor PIN is the documented
// default, and the first owner account is made from it), who is signed in (locking after the idle
// time the settings give) and who is acting, for each journal row as it is written.
import type { Clock } from '../clock.ts';
import { ensureDefaultPin } from '../config/default-pin.ts';
import type { PinThrottle } from '../config/pin-throttle.ts';
import type { SecretStore } from '../config/secret-store.ts';
import type { SettingsStore } from '../config/settings-store.ts';
import type { Db } from '../journal/open-journal.ts';
import type { JournalActor } from '../journal/rows.ts';
import { currentApprover } from '../staff/approval-context.ts';
import { ensureFirstOwner } from '../staff/first-owner.ts';
import { createStaffSession, type StaffSession } from '../staff/session.ts';
import { createShiftsRepo } from '../staff/shifts-repo.ts';
import { openStaffStore, type StaffStore } from '../staff/staff-store.ts';
import type { CoreLogger } from './core-logger.ts';

export interface TillStaff {
  store: StaffStore;
  session: StaffSession;
  /** Who is acting, for the journal's new rows: read at the moment each row is written. */
  journalActor(db: Db): () => JournalActor;
}

export async function startTillStaff(o: {
  dataDir: string;
  secrets: SecretStore;
  clock: Clock;
  logger: CoreLogger;
  settings: SettingsStore;
  appVersion: string | undefined;
  throttle: PinThrottle;
  /** After sign-in, sign-out and lock: the snapshot changed. */
  changed(): void;
}): Promise<TillStaff> {
  await ensureDefaultPin(o.secrets);
  const store = openStaffStore(o.dataDir, () => o.clock.now(), o.appVersion);
  try {
    await ensureFirstOwner(store.directory, o.secrets, o.settings.get().operatorId);
  } catch (err) {
    store.close();
    throw err;
  }
  const session = createStaffSession({
    directory: store.directory,
    throttle: o.throttle,
    clock: o.clock,
    idleLockMs: () => o.settings.get().idleLockMinutes * 60_000,
    onChange: (who, why) => {
      if (!who) o.logger.info(`till locked (${why})`);
      o.changed();
    },
  });
  return {
    store,
    session,
    journalActor(db) {
      const shiftRows = createShiftsRepo(db);
      return () => ({
        cashierId: session.cashier()?.staffId ?? null,
        approverId: currentApprover(),
        shiftId: shiftRows.open()?.shiftId ?? null,
      });
    },
  };
}

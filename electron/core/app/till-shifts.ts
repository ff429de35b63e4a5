// Register shifts in the till: the shifts over the current payments journal, the hooks told of each
// Z report as its shift closes (the update install, the shell's receipt printer), and the shift a
// sign-in opens — with one shift per day, rolling an earlier local day's shift over first.
import type { ShiftReport } from '../../../shared/staff.ts';
import type { Clock } from '../clock.ts';
import type { SettingsStore } from '../config/settings-store.ts';
import { localDate, systemTimeZone } from '../payments/local-day.ts';
import type { StaffDirectory } from '../staff/directory.ts';
import { createShifts, type Shifts } from '../staff/shifts.ts';
import { type CoreLogger, errorFields } from './core-logger.ts';
import type { PaymentsPort } from './ports.ts';

export interface TillShifts {
  shifts: Shifts;
  /** Tells every hook of the closed shift's Z report; a failing hook is logged and the rest still run. */
  onShiftClosed(z: ShiftReport): void;
  /** Adds a hook (called in the order added); returns its remover. */
  addShiftClosedHook(hook: (z: ShiftReport) => void): () => void;
  /**
   * After a sign-in (or a payment after a close): the open shift, or a new one. With one shift per day, a shift opened on an earlier
   * local day is closed first (reconciled; left open, and said so, while anything is unresolved).
   */
  openShiftFor(staffId: string): Promise<void>;
}

export function createTillShifts(o: {
  settings: SettingsStore;
  directory: StaffDirectory;
  clock: Clock;
  logger: CoreLogger;
  /** The current payments stack's engine (rebuilt when the payment settings change). */
  payments(): PaymentsPort;
  /** A shift opened: the snapshot changed. */
  changed(): void;
}): TillShifts {
  const { settings, directory, clock, logger } = o;
  const hooks = new Set<(z: ShiftReport) => void>();
  const shifts = createShifts({
    journal: () => o.payments().journal(),
    currency: () => settings.get().currency,
    name: (id) => (id === null ? '' : (directory.get(id)?.name ?? `#${id}`)),
    now: () => clock.now(),
    reconcile: (attempts, refunds) => o.payments().reconcileOrders(attempts, refunds),
  });
  function onShiftClosed(z: ShiftReport): void {
    for (const hook of hooks) {
      try {
        hook(z);
      } catch (err) {
        logger.error('a shift-closed hook failed', errorFields(err));
      }
    }
  }
  return {
    shifts,
    onShiftClosed,
    addShiftClosedHook(hook) {
      hooks.add(hook);
      return () => hooks.delete(hook);
    },
    async openShiftFor(staffId) {
      const open = shifts.current();
      const tz = systemTimeZone();
      if (settings.get().shiftPerDay && open && localDate(open.openedAt, tz) !== localDate(clock.now(), tz)) {
        try {
          onShiftClosed(
            await shifts.close({ closedBy: staffId, approvedBy: null, acknowledgeUnresolved: false }),
          );
          logger.info(`shift ${open.shiftId} of an earlier day closed at sign-in`);
        } catch (err) {
          logger.warn(`shift ${open.shiftId} of an earlier day stays open`, errorFields(err));
        }
      }
      const shiftId = shifts.ensureOpen(staffId);
      logger.info(`staff ${staffId} at the till; shift ${shiftId}`);
      o.changed();
    },
  };
}

// Shifts: the X report, past shifts' Z reports, the close (a supervisor's PIN; reconciliation with
// OTTPay first) and the CSV export. Printing the Z report is left to the receipt printer's module:
// `onShiftClosed` in the core context is where it hooks in.

import { withApprover } from '../staff/approval-context.ts';
import { shiftCsv } from '../staff/shift-csv.ts';
import type { CoreContext } from './core-context.ts';
import type { HandlerGroup } from './handler-types.ts';

type ShiftCommands = 'shift.current' | 'shift.list' | 'shift.report' | 'shift.close' | 'shift.exportCsv';

export function shiftHandlers(ctx: CoreContext): HandlerGroup<ShiftCommands> {
  return {
    'shift.current': async () => ctx.shifts.current(),
    'shift.list': async () => ctx.shifts.list(),
    'shift.report': async ({ shiftId }) => ctx.shifts.report(shiftId),
    'shift.close': async ({ pin, acknowledgeUnresolved }) => {
      const approver = await ctx.staff.approve(pin);
      const closedBy = ctx.staff.cashier()?.staffId ?? approver.staffId;
      const z = await withApprover(approver.staffId, () =>
        ctx.shifts.close({ closedBy, approvedBy: approver.staffId, acknowledgeUnresolved }),
      );
      ctx.logger.info(`shift ${z.shiftId} closed by staff ${closedBy}`);
      ctx.onShiftClosed(z);
      ctx.pushSnapshot();
      return z;
    },
    'shift.exportCsv': async ({ shiftId }) => shiftCsv(ctx.shifts.report(shiftId)),
  };
}

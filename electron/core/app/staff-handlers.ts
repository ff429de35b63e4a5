// Sign-in, sign-out and the Staff screen's accounts. Managing accounts needs a supervisor's PIN (an
// owner's to add an owner, or to deactivate or reactivate a supervisor or an owner); a supervisor
// cannot make someone more than a supervisor.
// Resetting a forgotten PIN: a supervisor resets a cashier's or their own, an owner anyone's.
import { AppError } from '../../../shared/result.ts';
import { durablePoint } from '../durable-points.ts';
import { withApprover } from '../staff/approval-context.ts';
import { claimNewPin } from '../staff/pin-claim.ts';
import type { CoreContext } from './core-context.ts';
import { errorFields } from './core-logger.ts';
import type { HandlerGroup } from './handler-types.ts';

type StaffCommands =
  | 'staff.signIn'
  | 'staff.signOut'
  | 'staff.list'
  | 'staff.add'
  | 'staff.setActive'
  | 'staff.setPin';

export function staffHandlers(ctx: CoreContext): HandlerGroup<StaffCommands> {
  return {
    'staff.signIn': async ({ pin }) => {
      const who = await ctx.staff.signIn(pin);
      await ctx.openShiftFor(who.staffId);
      return who;
    },
    'staff.signOut': async () => {
      ctx.staff.signOut();
      return null;
    },
    'staff.list': async () => {
      ctx.staff.require();
      return ctx.directory.list();
    },
    'staff.add': async ({ name, role, pin, operatorId, approverPin }) => {
      const approver = await ctx.staff.approve(approverPin, role === 'owner' ? 'owner' : 'supervisor');
      await claimNewPin(pinClaims(ctx), pin, null, approver.staffId, 'staff.add');
      const added = await ctx.directory.add({ name, role, pin, operatorId });
      durablePoint('staff.saved');
      ctx.logger.info(`staff account ${added.staffId} added (${added.role})`);
      return added;
    },
    'staff.setActive': async ({ staffId, active, approverPin }) => {
      const target = ctx.directory.get(staffId);
      if (!target) throw new AppError('NOT_FOUND', 'No such staff account');
      // Only an owner turns a supervisor (or an owner) off or on: supervisors cannot remove each other.
      await ctx.staff.approve(approverPin, target.role === 'cashier' ? 'supervisor' : 'owner');
      ctx.directory.setActive(staffId, active);
      ctx.staff.refresh();
      ctx.pushSnapshot();
      ctx.logger.info(`staff account ${staffId} ${active ? 'reactivated' : 'deactivated'}`);
      return ctx.directory.get(staffId) ?? target;
    },
    'staff.setPin': async ({ staffId, pin, approverPin }) => {
      const target = ctx.directory.get(staffId);
      if (!target) throw new AppError('NOT_FOUND', 'No such staff account');
      const approver = await ctx.staff.approve(approverPin, target.role === 'owner' ? 'owner' : 'supervisor');
      // A supervisor's PIN is reset by an owner, or by that supervisor (who knows the approving PIN).
      if (target.role === 'supervisor' && approver.role !== 'owner' && approver.staffId !== staffId)
        throw new AppError('NOT_ALLOWED', "This needs an owner's PIN", false, 'role-needed', {
          role: 'owner',
        });
      await claimNewPin(pinClaims(ctx), pin, staffId, approver.staffId, 'staff.setPin');
      await ctx.directory.changePin(staffId, pin);
      durablePoint('pin.saved');
      // Journaled without the PIN: whose PIN was reset, and (as the row's approver) by whom.
      const journal = ctx.journal();
      if (journal) {
        await withApprover(approver.staffId, async () =>
          journal.write(() =>
            journal.events.append({
              at: ctx.clock.now(),
              entity: 'pin',
              entityId: `staff:${staffId}`,
              type: 'pin.reset',
              cause: 'command',
              detail: { staffId, by: approver.staffId },
            }),
          ),
        );
      }
      ctx.logger.info(`PIN of staff ${staffId} reset, approved by staff ${approver.staffId}`);
      return ctx.directory.get(staffId) ?? target;
    },
  };
}

/** A new PIN is checked under the till's PIN lockout; a taken one is journaled as pin.taken. */
export function pinClaims(ctx: CoreContext) {
  return {
    throttle: ctx.pinThrottle,
    claims: ctx.pinClaimThrottle,
    directory: ctx.directory,
    async onTaken(detail: { by: string; forStaffId: string | null; command: string }) {
      ctx.logger.warn(`a new PIN was refused as taken (${detail.command}, asked by staff ${detail.by})`);
      const journal = ctx.journal();
      if (!journal) return;
      try {
        await journal.write(() =>
          journal.events.append({
            at: ctx.clock.now(),
            entity: 'pin',
            entityId: `staff:${detail.by}`,
            type: 'pin.taken',
            cause: 'command',
            detail,
          }),
        );
      } catch (err) {
        ctx.logger.error('a refused PIN claim could not be journaled', errorFields(err));
      }
    },
  };
}

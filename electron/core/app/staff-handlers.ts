// Sign-in, sign-out and the Staff screen's accounts. Managing accounts needs a supervisor's PIN (an
// owner's to add an owner or touch one); a supervisor cannot make someone more than a supervisor.
import { AppError } from '../../../shared/result.ts';
import type { CoreContext } from './core-context.ts';
import type { HandlerGroup } from './handler-types.ts';

type StaffCommands = 'staff.signIn' | 'staff.signOut' | 'staff.list' | 'staff.add' | 'staff.setActive';

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
      await ctx.staff.approve(approverPin, role === 'owner' ? 'owner' : 'supervisor');
      const added = await ctx.directory.add({ name, role, pin, operatorId });
      ctx.logger.info(`staff account ${added.staffId} added (${added.role})`);
      return added;
    },
    'staff.setActive': async ({ staffId, active, approverPin }) => {
      const target = ctx.directory.get(staffId);
      if (!target) throw new AppError('NOT_FOUND', 'No such staff account');
      await ctx.staff.approve(approverPin, target.role === 'owner' ? 'owner' : 'supervisor');
      ctx.directory.setActive(staffId, active);
      ctx.staff.refresh();
      ctx.pushSnapshot();
      ctx.logger.info(`staff account ${staffId} ${active ? 'reactivated' : 'deactivated'}`);
      return ctx.directory.get(staffId) ?? target;
    },
  };
}

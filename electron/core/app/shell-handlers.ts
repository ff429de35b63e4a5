// What a shell asks the core before it does something only a supervisor may: leaving a locked till.
// The core checks a supervisor's (or owner's) own PIN (throttled by the PIN guard); acting on the answer is the shell's part.
import type { CoreContext } from './core-context.ts';
import type { HandlerGroup } from './handler-types.ts';

export function shellHandlers(ctx: CoreContext): HandlerGroup<'shell.quit'> {
  return {
    'shell.quit': async ({ pin }) => {
      const by = await ctx.staff.approve(pin);
      ctx.logger.info(`staff ${by.staffId} gave their PIN to close the till`);
      return null;
    },
  };
}

// What a shell asks the core before it does something only a supervisor may: leaving a locked till.
// The core checks the PIN (throttled by the PIN guard); acting on the answer is the shell's part.
import type { CoreContext } from './core-context.ts';
import type { HandlerGroup } from './handler-types.ts';

export function shellHandlers(ctx: CoreContext): HandlerGroup<'shell.quit'> {
  return {
    'shell.quit': async ({ pin }) => {
      await ctx.pins.check(pin);
      ctx.logger.info('supervisor PIN given to close the till');
      return null;
    },
  };
}

// The POS API's key from Settings: write-only like the sign key (saved to the secret store, never
// sent back, never logged), approved by a supervisor's PIN; it applies to the next request.
import type { CoreContext } from './core-context.ts';
import type { HandlerGroup } from './handler-types.ts';

export function posApiHandlers(
  ctx: CoreContext,
  keySaved: (key: string) => void,
): HandlerGroup<'settings.setPosApiKey'> {
  return {
    'settings.setPosApiKey': async ({ posApiKey, pin }) => {
      await ctx.staff.approve(pin);
      await ctx.secrets.set('posApiKey', posApiKey);
      ctx.logger.info('POS API key replaced');
      keySaved(posApiKey);
      ctx.pushSnapshot();
      return null;
    },
  };
}

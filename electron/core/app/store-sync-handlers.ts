// The central database's credentials: write-only like the sign key, behind a supervisor's own PIN; an
// empty value removes the saved one. The sync agent reconnects with them at once.
import type { CoreContext } from './core-context.ts';
import type { HandlerGroup } from './handler-types.ts';

export function storeSyncHandlers(ctx: CoreContext): HandlerGroup<'settings.setStoreCredentials'> {
  return {
    'settings.setStoreCredentials': async ({ password, clientKey, pin }) => {
      await ctx.staff.approve(pin);
      if (password !== undefined) await ctx.secrets.set('storePgPassword', password);
      if (clientKey !== undefined) await ctx.secrets.set('storePgClientKey', clientKey);
      ctx.logger.info('central store credentials replaced');
      await ctx.storeCredentialsChanged();
      return ctx.publicSettings();
    },
  };
}

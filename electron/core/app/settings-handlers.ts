// Settings: read freely; change only with a supervisor's PIN. The sign key is write-only. A PIN change
// changes the PIN of the account it belongs to (the signed-in cashier's own, or found by the old PIN).
import { AppError } from '../../../shared/result.ts';
import { claimNewPin } from '../staff/pin-claim.ts';
import type { CoreContext } from './core-context.ts';
import { errorFields } from './core-logger.ts';
import type { HandlerGroup } from './handler-types.ts';
import { pinClaims } from './staff-handlers.ts';

type SettingsCommands = 'settings.get' | 'settings.update' | 'settings.setSignKey' | 'settings.changePin';

export function settingsHandlers(ctx: CoreContext): HandlerGroup<SettingsCommands> {
  return {
    'settings.get': async () => ctx.publicSettings(),
    'settings.update': async ({ patch, pin }) => {
      await ctx.staff.approve(pin);
      const previous = ctx.settings.get();
      try {
        ctx.settings.update(patch);
      } catch (err) {
        ctx.logger.error('settings could not be saved', errorFields(err));
        throw new AppError('STORAGE', 'Settings could not be saved');
      }
      ctx.logger.info(`settings changed: ${Object.keys(patch).join(', ') || '(nothing)'}`);
      await ctx.settingsChanged(previous, false);
      return ctx.publicSettings();
    },
    'settings.setSignKey': async ({ signKey, pin }) => {
      await ctx.staff.approve(pin);
      const previous = ctx.settings.get();
      await ctx.secrets.set('signKey', signKey);
      ctx.logger.info('sign key replaced');
      await ctx.settingsChanged(previous, true);
      return ctx.publicSettings();
    },
    'settings.changePin': async ({ oldPin, newPin }) => {
      // Only the person signed in, with their own current PIN; the new one is checked like a PIN guess.
      ctx.staff.require();
      const who = await ctx.staff.verifyOwn(oldPin);
      await claimNewPin(pinClaims(ctx), newPin, who.staffId, who.staffId, 'settings.changePin');
      await ctx.directory.changePin(who.staffId, newPin);
      ctx.logger.info(`PIN of staff ${who.staffId} changed`);
      return null;
    },
  };
}

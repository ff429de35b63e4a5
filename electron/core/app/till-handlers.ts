// Every command group of the till merged into one typed handler map, each command counted as activity
// for the idle lock (reading the snapshot, diagnostics or settings is not activity).
import type { CoreContext } from './core-context.ts';
import type { CustomerChoices } from './customer-choice.ts';
import { customerChoiceHandlers } from './customer-choice-handlers.ts';
import type { CustomerPairing } from './customer-pairing.ts';
import type { Handlers } from './handler-types.ts';
import { historyHandlers } from './history-handlers.ts';
import { posApiHandlers } from './pos-api-handlers.ts';
import type { PosApiSlot } from './pos-api-slot.ts';
import { receiptHandlers } from './receipt-handlers.ts';
import { saleHandlers } from './sale-handlers.ts';
import { scannerHandlers } from './scanner-handlers.ts';
import { settingsHandlers } from './settings-handlers.ts';
import { shellHandlers } from './shell-handlers.ts';
import { shiftHandlers } from './shift-handlers.ts';
import { staffHandlers } from './staff-handlers.ts';
import { storeSyncHandlers } from './store-sync-handlers.ts';
import { type TillUpdates, updateHandlers } from './till-updates.ts';

/** Commands other than reading the snapshot count as activity: the idle lock starts again. */
const NOT_ACTIVITY = new Set<string>(['till.snapshot', 'diagnostics.get', 'settings.get']);

function touching(touch: () => void, handlers: Handlers): Handlers {
  const wrapped: Record<string, (req: never) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers) as Array<
    [string, (req: never) => Promise<unknown>]
  >) {
    wrapped[name] = NOT_ACTIVITY.has(name)
      ? handler
      : (req) => {
          touch();
          return handler(req);
        };
  }
  return wrapped as unknown as Handlers;
}

export function tillHandlers(
  ctx: CoreContext,
  parts: { updates: TillUpdates; posApi: PosApiSlot; choices: CustomerChoices; pairing: CustomerPairing },
): Handlers {
  return touching(ctx.staff.touch, {
    ...saleHandlers(ctx),
    ...historyHandlers(ctx),
    ...settingsHandlers(ctx),
    ...scannerHandlers(ctx),
    ...shellHandlers(ctx),
    ...receiptHandlers(ctx),
    ...staffHandlers(ctx),
    ...shiftHandlers(ctx),
    ...storeSyncHandlers(ctx),
    ...updateHandlers(ctx, parts.updates),
    ...posApiHandlers(ctx, (key) => parts.posApi.keySaved(key)),
    ...customerChoiceHandlers(ctx, parts.choices, parts.pairing),
  });
}

// The customer window's one message on ipcMain (issue 21): a touch monitor at the till sends the
// customer's tip or language for this sale's ask. Only the customer window's own webContents, from its
// top frame on the customer origin, is heard; the choice is checked with the same zod schema as the LAN
// display's POST /customer/choice before the core sees it. No command is reachable this way, and every
// refusal is a Result, never a throw.
import { customerChoiceSchema } from '../../shared/customer-choice.ts';
import { fail, type Result, toErrorData } from '../../shared/result.ts';
import type { Logger } from '../core/logging/logger.ts';
import { CUSTOMER_CHOOSE_CHANNEL } from '../preload/channels.ts';
import { type IpcMainLike, senderRole } from './ipc-registration.ts';
import type { WindowRegistry } from './window-registry.ts';

export interface CustomerChoiceIpc {
  dispose(): void;
}

export function registerCustomerChoiceIpc(
  ipcMain: IpcMainLike,
  deps: {
    registry: WindowRegistry;
    /** The core's customerChoose (waits for the core when it is still starting). */
    choose(choice: unknown): Promise<Result<null>>;
    logger: Logger;
  },
): CustomerChoiceIpc {
  const log = deps.logger.child('ipc');
  ipcMain.handle(CUSTOMER_CHOOSE_CHANNEL, async (event, ...args) => {
    let result: Result<null>;
    if (senderRole(event, deps.registry) !== 'customer') {
      // The till window has its commands; any other sender (a helper window, a sub-frame) has nothing.
      log.warn('refused a customer choice from another sender', { webContentsId: event.sender.id });
      result = fail('NOT_ALLOWED', 'Only the customer display sends the customer’s choice');
    } else {
      const parsed = args.length === 1 ? customerChoiceSchema.safeParse(args[0]) : null;
      if (!parsed?.success) {
        result = fail(
          'VALIDATION',
          `not a customer choice — ${parsed?.error.issues[0]?.message ?? 'one choice'}`,
        );
      } else {
        try {
          result = await deps.choose(parsed.data);
        } catch (err) {
          result = { ok: false, error: toErrorData(err) };
        }
      }
    }
    if (!result.ok) log.info('customer choice refused', { code: result.error.code });
    return result;
  });
  return { dispose: () => ipcMain.removeHandler(CUSTOMER_CHOOSE_CHANNEL) };
}

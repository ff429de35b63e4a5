// The contract on ipcMain: one invoke channel. Before a command reaches the core, the sender must be
// a window main created (webContents id → role), calling from its top frame, whose URL has exactly
// that role's app:// origin. Everything is answered with the Result envelope, never a throw.
import type { Role } from '../../shared/contract.ts';
import { fail, type Result, toErrorData } from '../../shared/result.ts';
import type { Logger } from '../core/logging/logger.ts';
import { INVOKE_CHANNEL } from '../preload/channels.ts';
import { roleOfUrl } from './app-origins.ts';
import type { WindowRegistry } from './window-registry.ts';

/** The parts of IpcMainInvokeEvent this reads (Electron's type fits; tests pass plain objects). */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export type DispatchFn = (role: Role, name: string, payload: unknown) => Promise<Result<unknown>>;

/** The role of a genuine sender, or null. */
export function senderRole(event: InvokeEventLike, registry: WindowRegistry): Role | null {
  const role = registry.roleOf(event.sender.id);
  const frame = event.senderFrame;
  // A destroyed frame is null; sub-frames (there should be none: frame-src 'none') are refused.
  if (!role || !frame || frame.parent !== null) return null;
  return roleOfUrl(frame.url) === role ? role : null;
}

export interface IpcRegistration {
  dispose(): void;
}

export function registerIpc(
  ipcMain: IpcMainLike,
  deps: { registry: WindowRegistry; dispatch: DispatchFn; logger: Logger },
): IpcRegistration {
  const log = deps.logger.child('ipc');
  ipcMain.handle(INVOKE_CHANNEL, async (event, name, payload) => {
    const role = senderRole(event, deps.registry);
    const command = typeof name === 'string' ? name.slice(0, 64) : `(${typeof name})`;
    let result: Result<unknown>;
    if (!role) {
      // Never trust the page to say who it is: unknown windows and frames change nothing.
      log.warn('refused command from an unknown sender', { command, webContentsId: event.sender.id });
      result = fail('NOT_ALLOWED', 'This window may not send commands');
    } else if (typeof name !== 'string') {
      result = fail('VALIDATION', 'unknown command');
    } else {
      try {
        result = await deps.dispatch(role, name, payload);
      } catch (err) {
        result = { ok: false, error: toErrorData(err) };
      }
    }
    // The payload is never logged: it may hold a PIN or the sign key.
    if (!result.ok) log.info('command refused', { command, role, code: result.error.code });
    return result;
  });
  return { dispose: () => ipcMain.removeHandler(INVOKE_CHANNEL) };
}

// ipcMain as Electron presents it to a handler, for the IPC registration tests (no Electron here): one
// listener per channel, invoke() runs it; and an invoke event from a given webContents and frame.
import type { InvokeEventLike, IpcMainLike } from '../../../electron/main/ipc-registration.ts';
import type { Result } from '../../../shared/result.ts';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  async invoke(event: InvokeEventLike, channel: string, ...args: unknown[]): Promise<Result<unknown>> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return (await listener(event, ...args)) as Result<unknown>;
  }
}

/** An invoke from webContents `id`, its frame at `url` (null: no frame), under `parent` (null: top frame). */
export const invokeEvent = (id: number, url: string | null, parent: unknown = null): InvokeEventLike => ({
  sender: { id },
  senderFrame: url === null ? null : { url, parent },
});

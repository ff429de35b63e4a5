// The till window's bridge: the contract's calls and the events the till role may hear, nothing
// else. No ipcRenderer, no event objects and no Node reach the page.
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import type { EventName, TillApi } from '../../shared/contract.ts';
import { eventChannel, INVOKE_CHANNEL, PRELOAD_EVENTS } from './channels.ts';

const allowed: readonly EventName[] = PRELOAD_EVENTS.till;

const api: TillApi = {
  invoke: (name, request) => ipcRenderer.invoke(INVOKE_CHANNEL, name, request),
  on: (name, listener) => {
    if (!allowed.includes(name)) throw new Error(`unknown event ${String(name)}`);
    const channel = eventChannel(name);
    // Only the payload crosses: the IpcRendererEvent (with its sender) stays in the preload.
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
};

contextBridge.exposeInMainWorld('till', api);

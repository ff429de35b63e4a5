// The customer display's bridge: it hears its projection and can invoke nothing. The preload listens
// from before the page's scripts run and keeps the latest view, so a page that subscribes late (React
// mounts after main sent the first view) still starts from the current state.
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import type { CustomerApi } from '../../shared/contract.ts';
import type { CustomerView } from '../../shared/domain.ts';
import { eventChannel } from './channels.ts';

let latest: CustomerView | null = null;
const listeners = new Set<(view: CustomerView) => void>();

ipcRenderer.on(eventChannel('customer.view'), (_event: IpcRendererEvent, view: CustomerView) => {
  latest = view;
  for (const listener of [...listeners]) listener(view);
});

const api: CustomerApi = {
  on: (name, listener) => {
    if (name !== 'customer.view') throw new Error(`unknown event ${String(name)}`);
    listeners.add(listener);
    const current = latest;
    if (current) queueMicrotask(() => listeners.has(listener) && listener(current));
    return () => {
      listeners.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('customer', api);

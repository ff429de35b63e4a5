// The customer display's bridge: it hears its projection and sends one thing, the customer's tip or
// language (a touch monitor at the till, issue 21); it can invoke no command. The preload listens
// from before the page's scripts run and keeps the latest view, so a page that subscribes late (React
// mounts after main sent the first view) still starts from the current state.
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import type { CustomerApi } from '../../shared/contract.ts';
import type { CustomerView } from '../../shared/domain.ts';
import { CUSTOMER_CHOOSE_CHANNEL, eventChannel } from './channels.ts';

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
  // Main checks the sender and the choice (customer-choice-ipc.ts): the page's word counts for nothing.
  choose: (choice) => ipcRenderer.invoke(CUSTOMER_CHOOSE_CHANNEL, choice),
};

contextBridge.exposeInMainWorld('customer', api);

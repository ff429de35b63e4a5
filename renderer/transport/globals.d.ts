// What the Electron preloads expose (contextBridge): exactly the contract's TillApi / CustomerApi.
// In the browser shell these are absent and the HTTP + SSE transport is used instead.
import type { CustomerApi, TillApi } from '../../shared/contract.ts';

declare global {
  interface Window {
    till?: TillApi;
    customer?: CustomerApi;
  }
}

// The customer display on the shop's network, switched by the `customerDisplay` setting: while it
// is 'browser', a web shell listens on every LAN address, so a tablet can open /customer. From the
// LAN only the customer page, its assets and its event stream answer (request-guard.ts); the till
// side of that server stays loopback-only behind a session token nobody is given. Both shells use
// it: the desktop app (no window in that mode) and the browser shell.
import { CUSTOMER_LAN_PORT } from '../../shared/customer-lan.ts';
import type { TillCore } from '../core/app/till-core-types.ts';
import { createWebShell, type WebShell } from './server.ts';

export interface CustomerLanOptions {
  rendererDir: string;
  /** Default CUSTOMER_LAN_PORT; 0 in tests. */
  port?: number;
  /** Where "customer display on the LAN at …" and failures are reported. */
  report(line: string): void;
}

export interface CustomerLan {
  /** The LAN URLs while the display is served there, else none. */
  urls(): string[];
  /** The port it listens on while it does, else null. */
  port(): number | null;
  /** Settles once the server matches the setting (tests; shutdown). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export function followCustomerLanSetting(core: TillCore, opts: CustomerLanOptions): CustomerLan {
  let shell: WebShell | null = null;
  let closed = false;
  // One change at a time: starting and stopping a server are both asynchronous.
  let queue: Promise<void> = Promise.resolve();

  const apply = (wanted: boolean) => {
    queue = queue.then(async () => {
      if (wanted && !shell && !closed) {
        try {
          shell = await createWebShell({
            core,
            port: opts.port ?? CUSTOMER_LAN_PORT,
            rendererDir: opts.rendererDir,
            customerLanHost: '0.0.0.0',
            portAdvice:
              "stop what uses it, or start the till with --customer-host to serve the LAN display on the till's own port",
          });
          const urls = shell.customerLanUrls;
          if (urls.length === 0) opts.report('customer display on the LAN: this computer has no LAN address');
          for (const url of urls) opts.report(`customer display on the LAN at ${url}`);
        } catch (err) {
          opts.report(`the customer display could not be put on the LAN: ${(err as Error).message}`);
        }
      } else if ((!wanted || closed) && shell) {
        const stopping = shell;
        shell = null;
        try {
          await stopping.close();
          opts.report('customer display no longer on the LAN');
        } catch (err) {
          opts.report(`the customer display server did not close cleanly: ${(err as Error).message}`);
        }
      }
    });
  };

  let mode = core.snapshot().settings.customerDisplay;
  apply(mode === 'browser');
  const off = core.subscribe('till', (name, payload) => {
    if (name !== 'till.snapshot') return;
    const next = (payload as { settings: { customerDisplay: typeof mode } }).settings.customerDisplay;
    if (next === mode) return;
    mode = next;
    apply(mode === 'browser');
  });

  return {
    urls: () => shell?.customerLanUrls ?? [],
    port: () => shell?.port ?? null,
    settled: () => queue,
    close: async () => {
      closed = true;
      off();
      apply(false);
      await queue;
    },
  };
}

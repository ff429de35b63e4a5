// How many event streams and sockets the shell holds open at once. Each SSE stream keeps a socket (a
// file descriptor) for as long as the client likes, and /customer/events answers the LAN without a
// token: 1,100 of them exhausted the process's descriptors and the cashier's own commands failed
// (issue 22). So streams are counted per kind and per peer address and refused with 503 beyond the
// caps, sockets from any one LAN address are capped, and the server has a connection limit below the
// usual 1,024 descriptors. The till's own page (loopback, token) has a budget the LAN cannot spend.
import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** A customer display opens one stream; a few more cover a reload overlapping the old one, or two screens. */
export const CUSTOMER_STREAMS_PER_ADDRESS = 4;
/** Every customer display the shop could have, many times over. */
export const CUSTOMER_STREAMS_TOTAL = 32;
/** The till page's streams (loopback, session token): one per open till page. */
export const TILL_STREAMS_TOTAL = 16;
/** Sockets one LAN address may hold open (a tablet needs a handful). Loopback is not counted. */
export const SOCKETS_PER_LAN_ADDRESS = 32;
/** The whole server: well below the 1,024 descriptors a process usually gets, with room for the journal. */
export const MAX_CONNECTIONS = 512;

export type StreamKind = 'customer' | 'till';

export interface StreamLimits {
  /** A release function for an admitted stream, or null when a cap is reached. */
  admit(kind: StreamKind, address: string): (() => void) | null;
  open(kind: StreamKind): number;
}

export function createStreamLimits(): StreamLimits {
  const totals: Record<StreamKind, number> = { customer: 0, till: 0 };
  const byAddress = new Map<string, number>();
  return {
    admit(kind, address) {
      const key = `${kind} ${address}`;
      const mine = byAddress.get(key) ?? 0;
      if (
        kind === 'customer' &&
        (totals.customer >= CUSTOMER_STREAMS_TOTAL || mine >= CUSTOMER_STREAMS_PER_ADDRESS)
      )
        return null;
      if (kind === 'till' && totals.till >= TILL_STREAMS_TOTAL) return null;
      totals[kind]++;
      byAddress.set(key, mine + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        totals[kind]--;
        const left = (byAddress.get(key) ?? 1) - 1;
        if (left <= 0) byAddress.delete(key);
        else byAddress.set(key, left);
      };
    },
    open: (kind) => totals[kind],
  };
}

function isLoopbackAddress(addr: string): boolean {
  return addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1';
}

/** The connection limit and the per-LAN-address socket cap, on a server before it listens. */
export function limitConnections(server: Server): void {
  server.maxConnections = MAX_CONNECTIONS;
  const perAddress = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const addr = socket.remoteAddress ?? '';
    if (isLoopbackAddress(addr)) return;
    const n = (perAddress.get(addr) ?? 0) + 1;
    if (n > SOCKETS_PER_LAN_ADDRESS) {
      socket.destroy();
      return;
    }
    perAddress.set(addr, n);
    socket.once('close', () => {
      const left = (perAddress.get(addr) ?? 1) - 1;
      if (left <= 0) perAddress.delete(addr);
      else perAddress.set(addr, left);
    });
  });
}

/** The answer past a cap: quick, small, and says when to try again (EventSource retries by itself). */
export function refuseStream(res: ServerResponse): void {
  res.writeHead(503, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Retry-After': '10',
    Connection: 'close',
  });
  res.end(
    JSON.stringify({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: 'too many event streams are open', retryable: true },
    }),
  );
}

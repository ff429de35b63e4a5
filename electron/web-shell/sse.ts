// Server-Sent Events: one stream per subscriber. A named `heartbeat` event (carrying this process's
// boot id) goes out at once and then every `everyMs`: a page that stops hearing it knows the till is
// gone, and a new boot id tells it the till was restarted. It also keeps proxies and the browser from
// timing the stream out. The stream ends when the client goes or the shell closes.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface SseStream {
  send(event: string, data: unknown): void;
  close(): void;
  /** Ends the stream at once, dropping what the client has not read (shutdown; a stalled client). */
  drop(): void;
}

/**
 * Unsent bytes a stream may hold before its client is dropped. A page that stops reading (a frozen
 * tab, a client that only opened the stream) would otherwise grow the till's memory with every event,
 * and its unflushed end would keep the server from closing. A dropped page reconnects and gets the
 * current state first, so nothing is lost by dropping it.
 */
export const MAX_UNSENT_BYTES = 1024 * 1024;

export interface Heartbeat {
  everyMs: number;
  /** Changes with every start of the shell. */
  boot: string;
  /** Injected timers (tests); the global ones otherwise. */
  timers?: {
    setInterval: (fn: () => void, ms: number) => unknown;
    clearInterval: (handle: unknown) => void;
  };
}

export const HEARTBEAT_EVENT = 'heartbeat';

export function openSse(
  req: IncomingMessage,
  res: ServerResponse,
  onClose: () => void,
  heartbeat: Heartbeat,
): SseStream {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff',
  });
  res.write('retry: 2000\n\n');
  const timers = heartbeat.timers ?? {
    setInterval: (fn: () => void, ms: number) => {
      const handle = setInterval(fn, ms);
      handle.unref();
      return handle;
    },
    clearInterval: (handle: unknown) => clearInterval(handle as ReturnType<typeof setInterval>),
  };
  let closed = false;
  let timer: unknown = null;
  const finish = () => {
    if (closed) return;
    closed = true;
    if (timer !== null) timers.clearInterval(timer);
    onClose();
  };
  const drop = () => {
    finish();
    res.destroy();
  };
  const write = (chunk: string) => {
    if (closed) return;
    res.write(chunk);
    if (res.writableLength > MAX_UNSENT_BYTES) drop();
  };
  const beat = () =>
    write(`event: ${HEARTBEAT_EVENT}\ndata: ${JSON.stringify({ boot: heartbeat.boot })}\n\n`);
  beat();
  timer = timers.setInterval(beat, heartbeat.everyMs);
  req.on('close', finish);
  res.on('close', finish);
  return {
    send(event, data) {
      write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close() {
      finish();
      res.end();
    },
    drop,
  };
}

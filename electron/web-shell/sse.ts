// Server-Sent Events: one stream per subscriber. A named `heartbeat` event (carrying this process's
// boot id) goes out at once and then every `everyMs`: a page that stops hearing it knows the till is
// gone, and a new boot id tells it the till was restarted. It also keeps proxies and the browser from
// timing the stream out. The stream ends when the client goes or the shell closes.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface SseStream {
  send(event: string, data: unknown): void;
  close(): void;
}

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
  const beat = () => {
    if (!closed)
      res.write(`event: ${HEARTBEAT_EVENT}\ndata: ${JSON.stringify({ boot: heartbeat.boot })}\n\n`);
  };
  beat();
  const timer = timers.setInterval(beat, heartbeat.everyMs);
  const finish = () => {
    if (closed) return;
    closed = true;
    timers.clearInterval(timer);
    onClose();
  };
  req.on('close', finish);
  res.on('close', finish);
  return {
    send(event, data) {
      if (closed) return;
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close() {
      finish();
      res.end();
    },
  };
}

// Server-Sent Events: one stream per subscriber; a comment line every 15 s keeps proxies and the
// browser from timing the stream out. The stream ends when the client goes or the shell closes.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface SseStream {
  send(event: string, data: unknown): void;
  close(): void;
}

export function openSse(req: IncomingMessage, res: ServerResponse, onClose: () => void): SseStream {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff',
  });
  res.write('retry: 2000\n\n');
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  heartbeat.unref();
  let closed = false;
  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
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

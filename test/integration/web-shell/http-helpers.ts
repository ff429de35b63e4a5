// Small HTTP and SSE clients for the browser-shell tests: node:http so Host and Origin can be set
// freely (fetch forbids overriding Host).
import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function rawRequest(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: { Host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export function command(
  port: number,
  token: string,
  name: string,
  payload: unknown,
  extra: Record<string, string> = {},
) {
  return rawRequest(
    port,
    'POST',
    `/api/command/${name}`,
    { 'Content-Type': 'application/json', 'X-Till-Token': token, ...extra },
    JSON.stringify(payload),
  );
}

export interface SseEvent {
  event: string;
  data: unknown;
}

/** An open SSE stream; `next(pred)` resolves with the first (past or future) event matching pred. */
export interface SseClient {
  status: number;
  events: SseEvent[];
  next(pred: (e: SseEvent) => boolean, what?: string): Promise<SseEvent>;
  close(): void;
}

export function openSse(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'GET',
      path,
      headers: { Host: `127.0.0.1:${port}`, ...headers },
    });
    req.on('error', (err) => {
      if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(err);
    });
    req.on('response', (res) => {
      const events: SseEvent[] = [];
      const waiters: Array<{ pred: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }> = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (data === '') continue;
          const e = { event, data: JSON.parse(data) as unknown };
          events.push(e);
          for (const w of [...waiters]) {
            if (w.pred(e)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(e);
            }
          }
        }
      });
      res.on('error', () => {});
      resolve({
        status: res.statusCode ?? 0,
        events,
        next(pred) {
          const seen = events.find(pred);
          if (seen) return Promise.resolve(seen);
          return new Promise((r) => waiters.push({ pred, resolve: r }));
        },
        close() {
          req.destroy();
        },
      });
    });
    req.end();
  });
}

// The optional HTTP listener OTTPay posts call-backs to (bind address, port and the public URL given to
// OTTPay are settings). Small bodies only; every answer is JSON. Polling works without it.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { listenError } from '../listen-error.ts';
import type { CallbackAnswer } from './callbacks.ts';

export interface CallbackServerOptions {
  host: string;
  port: number;
  /** Path OTTPay posts to; anything else is 404. Default: any path. */
  path?: string;
  handle: (rawBody: string, remote: string | null) => Promise<CallbackAnswer>;
  maxBodyBytes?: number;
  /** A handler that threw (answered 500): never silent. */
  onError?: (err: unknown) => void;
}

export interface CallbackServer {
  /** The address actually bound (port 0 picks a free one). */
  address(): { host: string; port: number };
  url(): string;
  close(): Promise<void>;
}

export async function startCallbackServer(options: CallbackServerOptions): Promise<CallbackServer> {
  const limit = options.maxBodyBytes ?? 64 * 1024;
  const inFlight = new Set<Promise<void>>();
  const server = http.createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    };
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'POST') return send(405, { rsp_code: 'FAIL', rsp_msg: 'POST only' });
    if (options.path && path !== options.path) return send(404, { rsp_code: 'FAIL', rsp_msg: 'not found' });
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) return send(413, { rsp_code: 'FAIL', rsp_msg: 'too large' });
      const p = options
        .handle(Buffer.concat(chunks).toString('utf8'), req.socket.remoteAddress ?? null)
        .then(
          (answer) => send(answer.status, answer.body),
          (err: unknown) => {
            options.onError?.(err);
            send(500, { rsp_code: 'FAIL', rsp_msg: 'internal error' });
          },
        )
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) =>
      reject(
        listenError(
          err,
          { host: options.host, port: options.port },
          'choose another call-back port in Settings (OTTPay call-backs), or 0 for any free port',
        ),
      ),
    );
    server.listen(options.port, options.host, () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
  const address = () => {
    const a = server.address() as AddressInfo;
    return { host: a.address, port: a.port };
  };
  return {
    address,
    url() {
      const a = address();
      const host = a.host.includes(':') ? `[${a.host}]` : a.host;
      return `http://${host}:${a.port}${options.path ?? '/'}`;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await Promise.allSettled([...inFlight]);
    },
  };
}

// The owner's read-only page: the built `store` renderer entry, and one JSON endpoint with the day
// report. Every data request carries the token (Authorization: Bearer …; the page takes it from the
// URL's #fragment, which browsers never send to a server or a log). The database session is read-only.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { z } from 'zod';
import { tokenMatches } from '../web-shell/request-guard.ts';
import { SECURITY_HEADERS, sendAsset, sendHtml } from '../web-shell/static-files.ts';
import { chainDayReport, NoCentralSchemaError } from './report.ts';

export interface StoreServeOptions {
  pgConfig: pg.PoolConfig;
  port: number;
  host: string;
  /** Fixed token (tests, or TILL_STORE_TOKEN); a random one otherwise. */
  token?: string | undefined;
  rendererDir?: string;
}

export interface StoreServer {
  /** The page's address with the token in its fragment. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const DEFAULT_RENDERER = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'renderer');

const reportQuery = z
  .object({
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'day is YYYY-MM-DD'),
    store: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/)
      .optional(),
  })
  .strict();

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
  });
  res.end(JSON.stringify(body));
}

export async function serveStoreReport(o: StoreServeOptions): Promise<StoreServer> {
  const token = o.token || randomBytes(24).toString('base64url');
  const rendererDir = o.rendererDir ?? DEFAULT_RENDERER;
  const pool = new pg.Pool({
    ...o.pgConfig,
    max: 4,
    options: '-c default_transaction_read_only=on',
  });
  pool.on('error', () => undefined);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    if (req.method !== 'GET') return json(res, 405, { error: 'read-only: GET only' });
    if (url.pathname === '/' || url.pathname === '/index.html') return sendHtml(res, rendererDir, 'store');
    if (url.pathname.startsWith('/assets/'))
      return sendAsset(res, rendererDir, url.pathname.slice('/assets/'.length));
    if (url.pathname === '/api/report') {
      const auth = req.headers.authorization ?? '';
      const given = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : null;
      if (!tokenMatches(given, token)) return json(res, 401, { error: 'token required' });
      const parsed = reportQuery.safeParse(Object.fromEntries(url.searchParams));
      if (!parsed.success) return json(res, 400, { error: parsed.error.issues[0]?.message ?? 'bad query' });
      const client = await pool.connect();
      try {
        return json(res, 200, await chainDayReport(client, parsed.data.day, parsed.data.store ?? null));
      } finally {
        client.release();
      }
    }
    return json(res, 404, { error: 'not found' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // The driver's message may name the server; the page only needs to know it failed.
      if (!res.headersSent)
        json(res, 503, {
          error: err instanceof NoCentralSchemaError ? err.message : 'the central database did not answer',
        });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = o.host === '0.0.0.0' || o.host === '::' ? '127.0.0.1' : o.host;
  return {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}/#token=${token}`,
    port,
    token,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

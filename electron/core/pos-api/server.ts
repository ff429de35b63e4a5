// The POS API's HTTP(S) server: rate limit, then the bearer key, then the route. Plain HTTP only on a
// loopback address; anywhere else TLS with the till's own certificate (no key or amount crosses the
// network unprotected). Bounded: small bodies, a request rate per address, a cap on connections and on
// held waits — what a flood costs stays in memory counters, never in the journal.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import type { Clock } from '../clock.ts';
import { listenError } from '../listen-error.ts';
import { bearerMatches } from './bearer-key.ts';
import { openApiDocument } from './openapi.ts';
import { type PosPayments, PosRefusal } from './pos-payments.ts';
import { createRateLimiter } from './rate-limit.ts';
import { createPaymentSchema, createRefundSchema, IDEMPOTENCY_KEY } from './schemas.ts';
import { loadOrMakeCertificate } from './tls-files.ts';

/** A payment request is a few dozen bytes; anything past this is refused unread. */
export const MAX_BODY_BYTES = 4096;
export const RATE_PER_SECOND = 20;
export const RATE_BURST = 40;
export const MAX_CONNECTIONS = 64;

export interface PosApiServerOptions {
  host: string;
  port: number;
  /** The key every request must carry (read per request: a new key in settings applies at once). */
  key: () => string;
  payments: PosPayments;
  clock: Clock;
  dataDir: string;
  log: (line: string) => void;
}

export interface PosApiServer {
  readonly url: string;
  /** SHA-256 of the TLS certificate (null on loopback, where the API speaks plain HTTP). */
  readonly fingerprint256: string | null;
  /** Requests refused before reaching the till, by reason. */
  counters(): Record<string, number>;
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent || res.destroyed) return;
  if (body === undefined) {
    res.writeHead(status, { 'Content-Length': '0', 'Cache-Control': 'no-store' });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      reject(new PosRefusal(413, 'body-too-large'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        reject(new PosRefusal(413, 'body-too-large'));
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function jsonBody<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) throw new PosRefusal(415, 'unsupported-media-type');
  const text = await readBody(req);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PosRefusal(400, 'invalid-request', { field: 'body', message: 'The body is not JSON' });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const keys = issue?.code === 'unrecognized_keys' ? issue.keys : [];
    const field = [...(issue?.path ?? []), ...keys].join('.') || 'body';
    throw new PosRefusal(400, 'invalid-request', { field, message: issue?.message ?? 'invalid' });
  }
  return parsed.data;
}

function idempotencyKey(req: IncomingMessage): string {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))
    throw new PosRefusal(400, 'invalid-request', {
      field: 'Idempotency-Key',
      message: 'Idempotency-Key is required: 1 to 64 of A-Z a-z 0-9 _ -',
    });
  return key;
}

export async function startPosApiServer(opts: PosApiServerOptions): Promise<PosApiServer> {
  const counts: Record<string, number> = {};
  const count = (what: string) => {
    counts[what] = (counts[what] ?? 0) + 1;
  };
  const limiter = createRateLimiter({
    perSecond: RATE_PER_SECOND,
    burst: RATE_BURST,
    now: () => opts.clock.now(),
  });
  const openapi = JSON.stringify(openApiDocument());

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://pos.invalid');
    const method = req.method ?? 'GET';
    const path = url.pathname;
    if (path === '/v1/openapi.json' && method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(openapi);
      return;
    }
    if (path === '/v1/payments') {
      if (method !== 'POST') throw new PosRefusal(405, 'method-not-allowed');
      const key = idempotencyKey(req);
      const body = await jsonBody(req, createPaymentSchema);
      const answer = await opts.payments.create(key, body);
      send(res, answer.status, answer.body);
      opts.payments.fault('pos.payment-answered');
      return;
    }
    const m = /^\/v1\/payments\/([A-Za-z0-9]{1,40})(\/cancel|\/refunds)?$/.exec(path);
    if (!m) throw new PosRefusal(404, 'not-found');
    const id = m[1] as string;
    if (m[2] === undefined) {
      if (method !== 'GET') throw new PosRefusal(405, 'method-not-allowed');
      const w = url.searchParams.get('wait');
      const wait = w === null ? 0 : Number(w);
      if (!/^\d{1,2}$/.test(w ?? '0') || wait > 60)
        throw new PosRefusal(400, 'invalid-request', { field: 'wait', message: 'wait is 0 to 60 seconds' });
      const gone = new AbortController();
      res.on('close', () => gone.abort());
      send(res, 200, await opts.payments.get(id, wait, gone.signal));
      return;
    }
    if (method !== 'POST') throw new PosRefusal(405, 'method-not-allowed');
    if (m[2] === '/cancel') {
      req.resume();
      send(res, 200, opts.payments.cancel(id));
      return;
    }
    const key = idempotencyKey(req);
    const body = await jsonBody(req, createRefundSchema);
    const answer = await opts.payments.refund(id, key, body.amountCents);
    send(res, answer.status, answer.body);
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (!limiter.take(req.socket.remoteAddress ?? '?')) {
      count('rate-limited');
      req.resume();
      send(res, 429, { error: 'rate-limited' });
      return;
    }
    if (!bearerMatches(req.headers.authorization, opts.key())) {
      count('unauthorized');
      req.resume();
      send(res, 401);
      return;
    }
    route(req, res).catch((err: unknown) => {
      if (err instanceof PosRefusal) {
        count(err.body.error);
        if (err.status === 413) res.setHeader('Connection', 'close');
        send(res, err.status, err.body);
        return;
      }
      count('internal');
      opts.log(`POS API: internal error (${err instanceof Error ? err.message : String(err)})`);
      send(res, 500, { error: 'internal' });
    });
  };

  const tls = isLoopback(opts.host) ? null : loadOrMakeCertificate(opts.dataDir, opts.host);
  const server = tls
    ? createHttpsServer({ cert: tls.certPem, key: tls.keyPem, minVersion: 'TLSv1.2' }, handler)
    : createHttpServer(handler);
  server.maxConnections = MAX_CONNECTIONS;
  server.headersTimeout = 10_000;
  // A held wait lasts up to 60 s.
  server.requestTimeout = 75_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) =>
      reject(
        listenError(
          err,
          { host: opts.host, port: opts.port },
          'choose another with --pos-api-port (0 = any free port)',
        ),
      ),
    );
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `${tls ? 'https' : 'http'}://${hostInUrl}:${address.port}`;
  return {
    url,
    fingerprint256: tls?.fingerprint256 ?? null,
    counters: () => ({ ...counts }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

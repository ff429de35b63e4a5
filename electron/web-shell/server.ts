// The browser shell: the same core and contract as Electron, over node:http. Till at / (loopback and
// session token only), customer display at /customer (read-only; optionally on the LAN), commands as
// POST /api/command/:name, events as SSE.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventName, EventPayloads, Role } from '../../shared/contract.ts';
import { errorFields } from '../core/app/core-logger.ts';
import type { TillCore } from '../core/app/till-core-types.ts';
import { dispatch } from '../core/dispatch.ts';
import { listenError } from '../core/listen-error.ts';
import { pairingCookie, pairingToken, viewForDisplay } from './display-pairing.ts';
import {
  expandLanHosts,
  type GuardConfig,
  hostAllowed,
  isJsonContentType,
  isLoopbackPeer,
  originAllowed,
  tokenMatches,
} from './request-guard.ts';
import { type Heartbeat, openSse, type SseStream } from './sse.ts';
import { SECURITY_HEADERS, sendAsset, sendHtml } from './static-files.ts';
import { createStreamLimits, limitConnections, refuseStream } from './stream-limits.ts';

/** Marks a request already answered while its body was read. */
const NOT_READ = Symbol('not read');

export const MAX_BODY_BYTES = 64 * 1024;
/** A customer choice is a few dozen bytes: anything large is not one. */
const CUSTOMER_CHOICE_MAX_BYTES = 1024;

export interface WebShellOptions {
  core: TillCore;
  /** 0 picks a free port. */
  port: number;
  /** Address to bind; loopback by default. With customerLanHost set the shell binds all interfaces. */
  host?: string;
  rendererDir: string;
  /**
   * Host name or address the customer display is reached by on the LAN (e.g. 192.168.1.20), or
   * 0.0.0.0 for every LAN address of this computer. The till itself stays loopback-only.
   */
  customerLanHost?: string | null;
  /** Fixed token (tests); a random one otherwise. */
  token?: string;
  /** How often the event streams carry a heartbeat (default 2 s); pages call the till lost without it. */
  heartbeatMs?: number;
  heartbeatTimers?: Heartbeat['timers'];
  /** How to choose another port, said when this one is taken (default: the --port flag). */
  portAdvice?: string;
  /** How long close() lets commands in flight answer before it cuts every connection (default 3 s). */
  closeGraceMs?: number;
}

export const DEFAULT_HEARTBEAT_MS = 2_000;
export const DEFAULT_CLOSE_GRACE_MS = 3_000;

export interface WebShell {
  tillUrl: string;
  customerUrl: string;
  /** Customer display URLs on the LAN, when enabled: this computer's addresses at the time of asking. */
  readonly customerLanUrls: string[];
  port: number;
  token: string;
  /** Event streams open now (soak figures; tests). */
  readonly openStreams: number;
  close(): Promise<void>;
}

export async function createWebShell(opts: WebShellOptions): Promise<WebShell> {
  const { core, rendererDir } = opts;
  const lanRequested = (opts.customerLanHost?.trim() ?? '') !== '';
  const lanHosts = () => expandLanHosts(opts.customerLanHost);
  const bindHost = opts.host ?? (lanRequested ? '0.0.0.0' : '127.0.0.1');
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const guard: GuardConfig = { port: 0, token, customerLanHosts: lanHosts };
  const streams = new Set<SseStream>();
  let closing = false;
  let closeDone: Promise<void> | null = null;
  const streamLimits = createStreamLimits();
  const heartbeat: Heartbeat = {
    everyMs: opts.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
    boot: randomBytes(8).toString('hex'),
    ...(opts.heartbeatTimers ? { timers: opts.heartbeatTimers } : {}),
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      core.logger.error('web shell request failed', errorFields(err));
      if (!res.headersSent)
        sendJson(res, 500, {
          ok: false,
          error: { code: 'INTERNAL', message: 'Internal error', retryable: false },
        });
      else res.end();
    });
  });

  limitConnections(server);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A request that reaches a closing shell on a kept-alive connection opens nothing new (a stream
    // opened now would never be closed) and takes its connection with it.
    if (closing) {
      res.shouldKeepAlive = false;
      return deny(res, 503, 'the till is closing');
    }
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const customerPath = path === '/customer' || path === '/customer/' || path.startsWith('/customer/');
    const assetPath = path.startsWith('/assets/');
    // The customer display and the assets it loads may come from the LAN; everything else is loopback.
    const lanOk = customerPath || assetPath;
    if (!hostAllowed(req, guard, lanOk)) return deny(res, 403, 'host not allowed');
    if (!originAllowed(req, guard, lanOk)) return deny(res, 403, 'cross-origin request refused');
    if (!lanOk && !isLoopbackPeer(req)) return deny(res, 403, 'the till answers this computer only');

    if (customerPath) {
      // Its one message: the customer's tip or language, taken only with this sale's ask id (issue 21).
      if (path === '/customer/choice' && method === 'POST') return takeCustomerChoice(req, res);
      // The display pairs with the code the till shows; only the paired display may answer the tip ask.
      if (path === '/customer/pair' && method === 'POST') return pairDisplay(req, res);
      if (method !== 'GET' && method !== 'HEAD')
        return deny(res, 403, 'the customer display can invoke nothing');
      if (path === '/customer/events') return openEvents(req, res, 'customer');
      if (path === '/customer' || path === '/customer/') return sendHtml(res, rendererDir, 'customer');
      return deny(res, 404, 'not found');
    }
    if (assetPath) {
      if (method !== 'GET' && method !== 'HEAD') return deny(res, 405, 'method not allowed');
      return sendAsset(res, rendererDir, path.slice('/assets/'.length));
    }
    if (path.startsWith('/api/command/')) {
      if (method !== 'POST') return deny(res, 405, 'commands are POST');
      if (!tokenMatches(headerValue(req, 'x-till-token'), token))
        return deny(res, 401, 'session token required');
      return runCommand(req, res, path.slice('/api/command/'.length));
    }
    // Which till process answers (no secret in it): a page whose session was refused can tell a
    // restarted till from a stopped one.
    if (path === '/api/boot') {
      if (method !== 'GET') return deny(res, 405, 'method not allowed');
      return sendJson(res, 200, { ok: true, value: { boot: heartbeat.boot } });
    }
    if (path === '/api/events') {
      if (method !== 'GET') return deny(res, 405, 'method not allowed');
      if (!tokenMatches(url.searchParams.get('token'), token))
        return deny(res, 401, 'session token required');
      return openEvents(req, res, 'till');
    }
    if (path === '/' || path === '/index.html') {
      if (method !== 'GET' && method !== 'HEAD') return deny(res, 405, 'method not allowed');
      return sendHtml(res, rendererDir, 'till');
    }
    return deny(res, 404, 'not found');
  }

  // The customer display's two small posts: JSON only, small; a body that does not parse reaches the
  // core as null, which refuses it with its own words.
  async function readCustomerJson(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    if (!isJsonContentType(headerValue(req, 'content-type'))) {
      deny(res, 415, 'send JSON');
      return NOT_READ;
    }
    const body = await readBody(req, CUSTOMER_CHOICE_MAX_BYTES);
    if (body === null) {
      deny(res, 413, 'request too large');
      return NOT_READ;
    }
    try {
      return JSON.parse(body);
    } catch {
      return null;
    }
  }

  async function takeCustomerChoice(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const payload = await readCustomerJson(req, res);
    if (payload === NOT_READ) return;
    if (!core.customerPairing.isPaired(pairingToken(headerValue(req, 'cookie'))))
      return sendJson(res, 403, {
        ok: false,
        error: {
          code: 'NOT_ALLOWED',
          message: 'This display is not paired with the till: pair it with the code the till shows',
          retryable: false,
          reason: 'display-not-paired',
        },
      });
    sendJson(res, 200, core.customerChoose(payload));
  }

  async function pairDisplay(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const payload = await readCustomerJson(req, res);
    if (payload === NOT_READ) return;
    const paired = core.customerPairing.pair(payload);
    if (!paired.ok) return sendJson(res, 200, paired);
    // The token goes only into the HttpOnly cookie: the page never holds it.
    res.setHeader('Set-Cookie', pairingCookie(paired.value.token));
    sendJson(res, 200, { ok: true, value: null });
  }

  async function runCommand(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (!isJsonContentType(headerValue(req, 'content-type'))) return deny(res, 415, 'send JSON');
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === null) return deny(res, 413, 'request too large');
    let payload: unknown;
    try {
      payload = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'VALIDATION', message: 'request body is not JSON', retryable: false },
      });
    }
    sendJson(res, 200, await dispatch(core, 'till', name, payload));
  }

  function openEvents(req: IncomingMessage, res: ServerResponse, role: Role): void {
    const release = streamLimits.admit(role, req.socket.remoteAddress ?? '');
    if (!release) {
      refuseStream(res);
      return;
    }
    let unsubscribe = () => {};
    let leave = () => {};
    const stream = openSse(
      req,
      res,
      () => {
        unsubscribe();
        leave();
        streams.delete(stream);
        release();
      },
      heartbeat,
    );
    streams.add(stream);
    // The current state first, so a (re)connected page never waits for the next change.
    if (role === 'till') {
      stream.send('till.snapshot', core.snapshot());
    }
    // A customer display is sent the tip ask only while it is the paired one (asked at every view).
    const token = role === 'customer' ? pairingToken(headerValue(req, 'cookie')) : null;
    const forStream = (view: EventPayloads['customer.view']) =>
      role === 'customer' ? viewForDisplay(view, core.customerPairing.isPaired(token)) : view;
    // While its stream is open, a LAN display counts as there (and, if paired, able to answer a tip ask).
    if (role === 'customer') leave = core.customerDisplays.joined({ kind: 'lan', token });
    stream.send('customer.view', forStream(core.customerView()));
    unsubscribe = core.subscribe(role, <E extends EventName>(name: E, payload: EventPayloads[E]) =>
      stream.send(
        name,
        name === 'customer.view' ? forStream(payload as EventPayloads['customer.view']) : payload,
      ),
    );
  }

  await new Promise<void>((resolve, reject) => {
    const onError = (err: unknown) =>
      reject(
        listenError(
          err,
          { host: bindHost, port: opts.port },
          opts.portAdvice ??
            'start it with another port: npm run start:web -- --port N (0 picks any free port)',
        ),
      );
    server.once('error', onError);
    server.listen(opts.port, bindHost, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  guard.port = port;
  return {
    port,
    token,
    tillUrl: `http://127.0.0.1:${port}/?token=${token}`,
    customerUrl: `http://127.0.0.1:${port}/customer`,
    get customerLanUrls() {
      return lanHosts().map((h) => `http://${h}:${port}/customer`);
    },
    get openStreams() {
      return streams.size;
    },
    // server.close() alone waits for every connection to end. An event stream whose client stopped
    // reading never ends (its unsent bytes cannot drain), so it held SIGTERM until that client went.
    // Streams are dropped at once; commands in flight get a grace to answer; then every connection goes.
    close: () => {
      if (closeDone) return closeDone;
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of [...streams]) s.drop();
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), opts.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS);
      closeDone = closed.finally(() => clearTimeout(cut));
      return closeDone;
    },
  };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      req.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
  });
  res.end(JSON.stringify(body));
}

function deny(res: ServerResponse, status: number, message: string): void {
  const code =
    status === 400 || status === 413 || status === 415
      ? 'VALIDATION'
      : status === 404
        ? 'NOT_FOUND'
        : 'NOT_ALLOWED';
  sendJson(res, status, { ok: false, error: { code, message, retryable: false } });
}

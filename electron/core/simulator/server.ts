// The OTTPay simulator as a real HTTP server: POST /processV2 (the protocol), /wallet/… (the customer's
// phone for active pay), /_sim/… (control for tests). Also the till's embedded sandbox gateway, so:
// no import.meta, no assets read at run time (only its books, when given a file for them), and close()
// ends every timer and socket it owns.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { type Clock, systemClock } from '../clock.ts';
import { openBookFile } from './book-file.ts';
import { CallbackSender, DEFAULT_CALLBACK_RETRY_DELAYS_MS } from './callbacks.ts';
import { createControl, handleControlRequest, type SimulatorControl } from './control-api.ts';
import { DEFAULT_TIMINGS, SimEngine, type SimTimings } from './engine.ts';
import { SimBook } from './ledger.ts';
import { handleProcess } from './protocol.ts';
import { SANDBOX_MERCHANT } from './sandbox.ts';
import type { ProtocolSettings, Reply } from './sealed-answers.ts';
import { renderMissingPage, renderWalletPage, WALLET_PAGE_CSP } from './wallet-page.ts';

export interface SimulatorMerchant {
  merchantId: string;
  signKey: string;
}

export interface SimulatorOptions {
  /** Default 127.0.0.1. Bind 0.0.0.0 to let phones on the LAN open the wallet page. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** Default: the sandbox merchant. */
  merchants?: readonly SimulatorMerchant[];
  /** Drives every scenario timer, expiry and call-back retry. Default: the system clock. */
  clock?: Clock;
  /** code_url as weixin://… / https://qr.alipay.com/… instead of the wallet page. */
  realisticUrls?: boolean;
  /** Base of wallet-page URLs; default: this server's address (a LAN address when bound to 0.0.0.0). */
  publicBaseUrl?: string;
  /** Send some amounts and rates as JSON numbers, as OTTPay does (default true). */
  numericFields?: boolean;
  /** Larger request bodies get 413 (default 64 KiB). */
  maxBodyBytes?: number;
  timings?: Partial<SimTimings>;
  callbackRetryDelaysMs?: readonly number[];
  callbackTimeoutMs?: number;
  /** CNY per unit (defaults CAD 5.2, USD 7.1). */
  rates?: Partial<Record<'CAD' | 'USD', number>>;
  /** The merchant account's currency: the rate STATUS_QUERY and call-backs report (default CAD). */
  currency?: 'CAD' | 'USD';
  /** One line per request and order change; never holds a key. */
  log?: (line: string) => void;
  /** Keep the books (orders and money moved) in this SQLite file, across restarts. Default: in memory. */
  bookFile?: string;
  /** JSON books an older till kept: imported into `bookFile` at start, then renamed aside. */
  legacyBookFile?: string;
  /**
   * Test rigs: the network in front of OTTPay. A gateway request (its URL, read when it is about to be
   * acted on) for which this returns false is dropped unread, as a network that lost it would.
   */
  delivers?: (url: string) => boolean;
}

export interface Simulator {
  /** Where a client reaches it, e.g. http://127.0.0.1:43123 (loopback when bound to a wildcard). */
  url: string;
  /** Base of the wallet pages. */
  publicBaseUrl: string;
  port: number;
  control: SimulatorControl;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
const GARBAGE_500 =
  '<html><head><title>500 Internal Server Error</title></head>\n<body>\u0000\u0007 upstream prematurely closed';

export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => {});
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const merchants = options.merchants ?? [SANDBOX_MERCHANT];
  const signKeys = new Map<string, string>();
  for (const m of merchants) {
    if (!m.merchantId || !m.signKey)
      throw new Error('each simulator merchant needs a merchantId and a signKey');
    signKeys.set(m.merchantId, m.signKey);
  }
  const settings: ProtocolSettings = {
    numericFields: options.numericFields ?? true,
    realisticUrls: options.realisticUrls ?? false,
    rates: { CAD: 5.2, USD: 7.1, ...options.rates },
    currency: options.currency ?? 'CAD',
  };
  let publicBaseUrl = '';
  const callbacks = new CallbackSender({
    clock,
    retryDelaysMs: options.callbackRetryDelaysMs ?? DEFAULT_CALLBACK_RETRY_DELAYS_MS,
    timeoutMs: options.callbackTimeoutMs ?? 5_000,
    numericFields: settings.numericFields,
    exchangeRate: settings.rates[settings.currency],
    onDelivery: (delivery) => {
      log(`call-back ${delivery.copy} for ${delivery.orderId}: ${delivery.status ?? delivery.error}`);
      sim.emit({ type: 'callback', delivery });
    },
  });
  const onWriteError = (err: unknown) =>
    log(
      `the sandbox gateway's books could not be written: ${err instanceof Error ? err.message : String(err)}`,
    );
  const stored = options.bookFile
    ? openBookFile(options.bookFile, {
        ...(options.legacyBookFile ? { legacyPath: options.legacyBookFile } : {}),
        onWriteError,
      })
    : null;
  for (const note of stored?.notes ?? []) log(note);
  const sim = new SimEngine({
    book: stored?.book ?? new SimBook({ onWriteError }),
    clock,
    signKeys,
    callbacks,
    timings: { ...DEFAULT_TIMINGS, ...options.timings },
    publicBaseUrl: () => publicBaseUrl,
    log,
  });
  const control = createControl(sim, callbacks);

  const server = http.createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      log(`simulator error on ${req.method} ${req.url}: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) sendJson(res, 500, { rsp_code: 'SYSTEM_ERROR', rsp_msg: 'simulator error' });
      else res.destroy();
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 20_000;
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://simulator').pathname;
    const method = req.method ?? 'GET';
    if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
      const body = await readBody(req, maxBodyBytes);
      if (body === null) {
        res.setHeader('connection', 'close');
        sendJson(res, 413, {
          rsp_code: 'PARAM_ERROR',
          rsp_msg: `request body is larger than ${maxBodyBytes} bytes`,
        });
        res.on('finish', () => req.socket.destroy());
        return;
      }
      return routeWithBody(req, res, method, path, body);
    }
    return routeWithBody(req, res, method, path, '');
  }

  function routeWithBody(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    method: string,
    path: string,
    body: string,
  ) {
    if (path === '/processV2') {
      if (method !== 'POST') return sendJson(res, 405, { rsp_code: 'PARAM_ERROR', rsp_msg: 'use POST' });
      if (options.delivers && !options.delivers(req.url ?? '')) {
        log(`request ${req.url} lost on its way: dropped unread`);
        req.socket.destroy();
        return;
      }
      return sendReply(req, res, handleProcess(sim, settings, body));
    }
    const wallet = /^\/wallet\/([0-9a-f]{1,64})(?:\/(pay|cancel))?$/.exec(path);
    if (wallet) return walletPage(res, method, wallet[1] ?? '', wallet[2]);
    if (path.startsWith('/_sim/')) {
      const reply = handleControlRequest(control, method, path, body);
      return sendJson(res, reply.status, reply.body);
    }
    if (path === '/' && method === 'GET') {
      return sendJson(res, 200, { simulator: 'OTTPay', endpoint: '/processV2', control: '/_sim/ledger' });
    }
    return sendJson(res, 404, { rsp_code: 'PARAM_ERROR', rsp_msg: 'not found' });
  }

  function walletPage(res: http.ServerResponse, method: string, token: string, act: string | undefined) {
    const order = sim.book.byToken(token);
    res.setHeader('content-security-policy', WALLET_PAGE_CSP);
    res.setHeader('cache-control', 'no-store');
    if (!order) return sendHtml(res, 404, renderMissingPage());
    if (!act) {
      if (method !== 'GET') return sendHtml(res, 405, renderMissingPage());
      sim.seen(order);
      return sendHtml(res, 200, renderWalletPage(order, token, null));
    }
    if (method !== 'POST') return sendHtml(res, 405, renderMissingPage());
    let notice: string;
    if (act === 'pay')
      notice = sim.pay(order) ? 'Payment successful' : `Cannot pay: the order is ${order.status}`;
    else
      notice = sim.unpay(order, 'failure')
        ? 'Payment cancelled'
        : `Cannot cancel: the order is ${order.status}`;
    return sendHtml(res, 200, renderWalletPage(order, token, notice));
  }

  function sendReply(req: http.IncomingMessage, res: http.ServerResponse, reply: Reply): void {
    switch (reply.kind) {
      case 'json':
        sendJson(res, reply.status, reply.body);
        return;
      case 'garbage500':
        res.writeHead(500, { 'content-type': 'text/html' });
        res.end(GARBAGE_500);
        return;
      case 'drop':
        req.socket.destroy();
        return;
      case 'hang': {
        // Held until the client gives up, close(), or holdMs passes — never forever.
        const handle = sim.later(sim.timings.holdMs, () => req.socket.destroy());
        req.socket.once('close', () => sim.cancelLater(handle));
        sim.emit({ type: 'held', orderId: reply.orderId });
        return;
      }
    }
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    // No simulator to close() later: its books file is let go of here.
    sim.book.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const wildcard = host === '0.0.0.0' || host === '::' || host === '';
  const url = `http://${wildcard ? '127.0.0.1' : hostForUrl(host)}:${port}`;
  publicBaseUrl = (options.publicBaseUrl ?? (wildcard ? `http://${lanAddress()}:${port}` : url)).replace(
    /\/+$/,
    '',
  );

  let closing: Promise<void> | null = null;
  return {
    url,
    publicBaseUrl,
    port,
    control,
    close() {
      closing ??= new Promise<void>((resolve) => {
        sim.close();
        callbacks.close();
        sim.book.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** The body as text, or null when it is larger than `limit` (reading stops there). */
function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        req.pause();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

function sendHtml(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(Buffer.byteLength(html)),
  });
  res.end(html);
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** The first non-internal IPv4 address: what a phone on the same network can reach. */
function lanAddress(): string {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const info of list ?? []) if (info.family === 'IPv4' && !info.internal) return info.address;
  }
  return '127.0.0.1';
}

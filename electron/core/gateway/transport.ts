// HTTP for the gateway client: one POST with a per-request deadline and a cap on the answer's size.
// Its one job beyond fetching is to tell "nothing was sent" (safe: the payment did not happen) from
// "sent, no usable answer" (the outcome is unknown). TLS is always verified: there is no switch.
import http from 'node:http';
import https from 'node:https';
import { type Clock, systemClock } from '../clock.ts';

export interface TransportRequest {
  url: string;
  body: string;
  timeoutMs: number;
  maxResponseBytes: number;
  /**
   * Open a new connection rather than reuse a pooled one. Pay actions ask for it: a pooled socket the
   * server already closed fails only after we wrote to it, and that would make a charge "unknown".
   */
  freshConnection?: boolean;
}

export interface TransportResponse {
  status: number;
  body: string;
}

export type TransportFailure =
  /** The URL is not an http(s) URL. Nothing sent. */
  | 'bad_url'
  /** DNS, refused, unreachable, TLS handshake or certificate failure, or the deadline hit while connecting. Nothing sent. */
  | 'connect'
  /** Connected and sent, no complete answer before the deadline. */
  | 'timeout'
  /** Connected and sent, the connection broke before a complete answer. */
  | 'connection_lost'
  /** The answer was larger than maxResponseBytes. */
  | 'too_large';

export class TransportError extends Error {
  readonly failure: TransportFailure;
  /** False only when no byte of the request can have reached the server. */
  readonly sent: boolean;
  constructor(failure: TransportFailure, sent: boolean, message: string) {
    super(message);
    this.name = 'TransportError';
    this.failure = failure;
    this.sent = sent;
  }
}

export interface Transport {
  /** Resolves with any HTTP status; rejects only with TransportError. */
  post(request: TransportRequest): Promise<TransportResponse>;
  /** Ends pooled connections. */
  close(): void;
}

export interface HttpTransportOptions {
  clock?: Clock;
  /** Extra trusted CA certificates (PEM), e.g. a proxy's. Verification itself cannot be turned off. */
  ca?: string | Buffer | Array<string | Buffer>;
}

export function createHttpTransport(options: HttpTransportOptions = {}): Transport {
  const clock = options.clock ?? systemClock;
  const httpAgent = new http.Agent({ keepAlive: true, timeout: 30_000 });
  const httpsAgent = new https.Agent({ keepAlive: true, timeout: 30_000, ca: options.ca });

  // The till posts to one endpoint: its URL is read once, not on every call (a query may run every second).
  let lastUrl = '';
  let lastTarget: Target | null = null;
  function targetOf(text: string): Target | TransportError {
    if (text === lastUrl && lastTarget) return lastTarget;
    const target = readTarget(text);
    if (target instanceof TransportError) return target;
    lastUrl = text;
    lastTarget = target;
    return target;
  }

  function post(request: TransportRequest): Promise<TransportResponse> {
    const target = targetOf(request.url);
    if (target instanceof TransportError) return Promise.reject(target);
    const { secure, where } = target;
    // The body goes to node:http as text, not a Buffer: it is joined to the headers as one chunk (no copy).
    const body = request.body;

    return new Promise<TransportResponse>((resolve, reject) => {
      let connected = false;
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clock.clearTimeout(deadline);
        fn();
      };
      const fail = (err: TransportError) => {
        finish(() => reject(err));
        req.destroy();
      };

      const pooled = secure ? httpsAgent : httpAgent;
      const req = (secure ? https : http).request({
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        path: target.path,
        ...(target.auth ? { auth: target.auth } : {}),
        method: 'POST',
        agent: request.freshConnection ? false : pooled,
        ...(secure && options.ca ? { ca: options.ca } : {}),
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'content-length': String(Buffer.byteLength(body, 'utf8')),
          ...(request.freshConnection ? { connection: 'close' } : {}),
        },
      });

      const deadline = clock.setTimeout(() => {
        fail(
          connected
            ? new TransportError('timeout', true, `no answer from ${where} within ${request.timeoutMs} ms`)
            : new TransportError(
                'connect',
                false,
                `could not connect to ${where} within ${request.timeoutMs} ms`,
              ),
        );
      }, request.timeoutMs);

      req.on('socket', (socket) => {
        // A pooled socket is already connected: writing on it counts as sent.
        if (!socket.connecting) connected = true;
        else
          socket.once(secure ? 'secureConnect' : 'connect', () => {
            connected = true;
          });
      });

      req.on('error', (err: NodeJS.ErrnoException) => {
        const code = err.code ? ` (${err.code})` : '';
        fail(
          connected
            ? new TransportError(
                'connection_lost',
                true,
                `connection to ${where} lost before a full answer${code}`,
              )
            : new TransportError('connect', false, `could not connect to ${where}${code}`),
        );
      });

      req.on('response', (res) => {
        connected = true;
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > request.maxResponseBytes) {
          fail(tooLarge(where, request.maxResponseBytes));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > request.maxResponseBytes) fail(tooLarge(where, request.maxResponseBytes));
          else chunks.push(chunk);
        });
        res.on('error', () => {
          fail(
            new TransportError('connection_lost', true, `connection to ${where} lost before a full answer`),
          );
        });
        res.on('end', () => {
          if (!res.complete) {
            fail(
              new TransportError('connection_lost', true, `connection to ${where} lost before a full answer`),
            );
            return;
          }
          // A loopback or small answer is one chunk: no copy into a new Buffer for it.
          const whole = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
          finish(() => resolve({ status: res.statusCode ?? 0, body: whole.toString('utf8') }));
        });
      });

      req.end(body, 'utf8');
    });
  }

  return {
    post,
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

/** Where a request goes, read from the gateway URL. */
interface Target {
  secure: boolean;
  protocol: 'http:' | 'https:';
  hostname: string;
  port: string;
  path: string;
  /** user:password from the URL, as node:http reads it from a URL; usually absent. */
  auth?: string;
  /** host:port, for messages. */
  where: string;
}

function readTarget(text: string): Target | TransportError {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return new TransportError('bad_url', false, 'gateway URL is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return new TransportError('bad_url', false, 'gateway URL must start with http:// or https://');
  }
  return {
    secure: url.protocol === 'https:',
    protocol: url.protocol,
    // An IPv6 literal comes bracketed in a URL; node:http wants it bare.
    hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    port: url.port,
    path: `${url.pathname}${url.search}`,
    ...(url.username || url.password
      ? { auth: `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` }
      : {}),
    where: url.host,
  };
}

function tooLarge(where: string, limit: number): TransportError {
  return new TransportError('too_large', true, `answer from ${where} is larger than ${limit} bytes`);
}

// Who may reach what. The till (and every command) answers only loopback clients that name a loopback
// Host and carry the session token; the customer display may also be reached on a configured LAN host
// and only reads. Host and Origin are checked against DNS rebinding and cross-site requests.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';

export interface GuardConfig {
  port: number;
  token: string;
  /**
   * LAN host names/addresses under which /customer may also be reached (empty = loopback only). Asked
   * per request: with 0.0.0.0 they are this computer's addresses now (Wi-Fi up late, a new DHCP lease).
   */
  customerLanHosts: () => readonly string[];
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export function loopbackHosts(port: number): string[] {
  return LOOPBACK_NAMES.map((h) => `${h}:${port}`);
}

export function allowedHosts(cfg: GuardConfig, forCustomer: boolean): string[] {
  const hosts = loopbackHosts(cfg.port);
  if (forCustomer) for (const h of cfg.customerLanHosts()) hosts.push(`${h.toLowerCase()}:${cfg.port}`);
  return hosts;
}

export function hostAllowed(req: IncomingMessage, cfg: GuardConfig, forCustomer: boolean): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  return allowedHosts(cfg, forCustomer).includes(host);
}

/** No Origin (same-origin GET, curl) is fine; a present Origin must be this server under an allowed Host. */
export function originAllowed(req: IncomingMessage, cfg: GuardConfig, forCustomer: boolean): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return allowedHosts(cfg, forCustomer).some((h) => origin.toLowerCase() === `http://${h}`);
}

export function isLoopbackPeer(req: IncomingMessage): boolean {
  const addr = req.socket.remoteAddress ?? '';
  return addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1';
}

export function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `--customer-host 0.0.0.0` means "this computer's LAN addresses"; a name or address is taken as is. */
export function expandLanHosts(host: string | null | undefined): string[] {
  const h = host?.trim() ?? '';
  if (h === '') return [];
  if (h !== '0.0.0.0' && h !== '::') return [h.includes(':') && !h.startsWith('[') ? `[${h}]` : h];
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (!a.internal && a.family === 'IPv4') out.push(a.address);
  }
  return out;
}

/**
 * The body is JSON: the media type is exactly application/json (a prefix match let application/jsonp
 * and application/json-patch+json through), with at most a UTF-8 charset parameter.
 */
export function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const [type = '', ...params] = value.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || /^charset="?utf-8"?$/.test(p));
}

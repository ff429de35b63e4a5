// The built renderer (dist/renderer): till/index.html, customer/index.html and assets/. HTML gets a
// strict CSP; nothing outside the renderer folder can be named.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
};

export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export async function sendHtml(
  res: ServerResponse,
  rendererDir: string,
  entry: 'till' | 'customer' | 'store',
): Promise<void> {
  await sendFile(res, join(rendererDir, entry, 'index.html'), true);
}

/** `rel` is the path after /assets/; anything escaping the assets folder is a 404. */
export async function sendAsset(res: ServerResponse, rendererDir: string, rel: string): Promise<void> {
  const base = join(rendererDir, 'assets');
  const full = normalize(join(base, decodeURIComponentSafe(rel)));
  if (!full.startsWith(base + sep)) return notFound(res);
  await sendFile(res, full, false);
}

async function sendFile(res: ServerResponse, path: string, html: boolean): Promise<void> {
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch {
    if (html) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      res.end('The till screens are not built yet: run `npm run build`.\n');
      return;
    }
    return notFound(res);
  }
  const headers: Record<string, string> = {
    'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
    'Cache-Control': html ? 'no-store' : 'public, max-age=3600',
    ...SECURITY_HEADERS,
  };
  if (html) headers['Content-Security-Policy'] = CSP;
  res.writeHead(200, headers);
  res.end(body);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  res.end('not found\n');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return '\0';
  }
}

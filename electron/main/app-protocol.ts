// Serves dist/renderer over app://<role>/ (registered privileged + standard in index.ts). Chosen over
// loadFile because file:// gives every file on disk one shared origin: here each role has its own exact
// origin, every response carries the CSP, and a path can never leave the renderer folder.
// Pure Node (fs + the global Request/Response), so it is tested without Electron.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { Role } from '../../shared/contract.ts';
import { roleOfUrl } from './app-origins.ts';
import { SECURITY_HEADERS } from './csp.ts';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
};

export type ResolvedPath = { ok: true; role: Role; file: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps an app:// URL to a file under `root`, or refuses: unknown origin (403), a path that is not
 * plain (encoded separators, backslashes, NUL, `..` — 400), a file of the other role's page (403).
 */
export function resolveAppPath(root: string, url: string): ResolvedPath {
  const role = roleOfUrl(url);
  if (!role) return { ok: false, status: 403 };
  const { pathname } = new URL(url);
  if (/%2f|%5c|%00|\\/i.test(pathname)) return { ok: false, status: 400 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.length === 0 || segments.some((s) => s === '.' || s === '..' || s.includes('\0'))) {
    return { ok: false, status: 400 };
  }
  const otherRoles = (['till', 'customer'] as const).filter((r) => r !== role);
  if (otherRoles.some((r) => r === segments[0])) return { ok: false, status: 403 };
  const base = resolve(root);
  const file = resolve(base, ...segments);
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || rel.startsWith(sep)) return { ok: false, status: 400 };
  return { ok: true, role, file: join(base, rel) };
}

export function mimeType(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The protocol.handle handler: GET only, files only, security headers on every answer. */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const refuse = (status: number) => new Response(null, { status, headers: { ...SECURITY_HEADERS } });
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const resolved = resolveAppPath(root, request.url);
    if (!resolved.ok) return refuse(resolved.status);
    try {
      const info = await stat(resolved.file);
      if (!info.isFile()) return refuse(404);
      const body = request.method === 'HEAD' ? null : await readFile(resolved.file);
      return new Response(body, {
        status: 200,
        headers: {
          ...SECURITY_HEADERS,
          'Content-Type': mimeType(resolved.file),
          'Cache-Control': 'no-store',
        },
      });
    } catch {
      return refuse(404);
    }
  };
}

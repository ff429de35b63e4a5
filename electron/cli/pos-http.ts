// The example POS client's HTTP: JSON calls with the bearer key over http, or over https to a till
// whose certificate is pinned by its SHA-256 fingerprint (the one Settings shows). The certificate is
// fetched and checked before any request — so the key never goes to a till that is not the pinned one —
// and then trusted as its own authority for the calls.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:tls';

export interface PosHttp {
  call(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Record<string, unknown> | null }>;
}

const normalise = (fp: string) => fp.replace(/[^0-9a-f]/gi, '').toUpperCase();

function pinnedCertificate(url: URL, fingerprint: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port || 443),
      rejectUnauthorized: false,
      servername: undefined,
    });
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      if (normalise(cert.fingerprint256 ?? '') !== normalise(fingerprint)) {
        reject(new Error(`the till's certificate is not the pinned one (it is ${cert.fingerprint256})`));
        return;
      }
      const b64 = cert.raw.toString('base64').replace(/.{64}/g, '$&\n');
      resolve(`-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`);
    });
    socket.once('error', reject);
  });
}

export async function posHttp(base: string, key: string, fingerprint: string | null): Promise<PosHttp> {
  const url = new URL(base);
  let ca: string | null = null;
  if (url.protocol === 'https:') {
    if (!fingerprint) throw new Error('an https till needs --fingerprint (SHA-256, shown in its Settings)');
    ca = await pinnedCertificate(url, fingerprint);
  } else if (url.protocol !== 'http:') {
    throw new Error('--url must be http:// or https://');
  }
  return {
    call(method, path, body, headers = {}) {
      const text = body === undefined ? null : JSON.stringify(body);
      const target = new URL(path, url);
      const options = {
        method,
        headers: {
          Authorization: `Bearer ${key}`,
          Accept: 'application/json',
          ...(text === null
            ? {}
            : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }),
          ...headers,
        },
      };
      return new Promise((resolve, reject) => {
        const onResponse = (res: import('node:http').IncomingMessage) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            try {
              resolve({
                status: res.statusCode ?? 0,
                body: raw === '' ? null : (JSON.parse(raw) as Record<string, unknown>),
              });
            } catch {
              reject(new Error(`the till answered ${res.statusCode} with something that is not JSON`));
            }
          });
          res.on('error', reject);
        };
        const req =
          ca === null
            ? httpRequest(target, options, onResponse)
            : // The pinned certificate is the authority; its names need not match the address dialled.
              httpsRequest(target, { ...options, ca, checkServerIdentity: () => undefined }, onResponse);
        req.on('error', reject);
        req.end(text ?? undefined);
      });
    },
  };
}

// The transport over real sockets: "nothing sent" vs "sent, no answer", deadlines and size limits.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createHttpTransport, TransportError } from '../../../electron/core/gateway/transport.ts';

let server: http.Server;
let base = '';
const transport = createHttpTransport();

before(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/echo') {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(Buffer.concat(chunks));
      } else if (req.url === '/big') {
        res.end('x'.repeat(10_000));
      } else if (req.url === '/big-chunked') {
        res.write('x'.repeat(6_000));
        res.end('x'.repeat(6_000));
      } else if (req.url === '/cut') {
        res.writeHead(200, { 'content-length': '100' });
        res.write('partial');
        res.socket?.destroy();
      } else if (req.url === '/reset') {
        req.socket.destroy();
      }
      // '/silent': never answers
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  transport.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const post = (path: string, extra: { timeoutMs?: number; maxResponseBytes?: number; fresh?: boolean } = {}) =>
  transport.post({
    url: `${base}${path}`,
    body: '{"a":"张三"}',
    timeoutMs: extra.timeoutMs ?? 2_000,
    maxResponseBytes: extra.maxResponseBytes ?? 8_192,
    freshConnection: extra.fresh ?? false,
  });

async function failure(promise: Promise<unknown>): Promise<TransportError> {
  const err = await promise.then(
    () => assert.fail('expected a TransportError'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof TransportError, String(err));
  return err;
}

test('answers with any status, body as UTF-8, pooled or fresh', async () => {
  assert.deepEqual(await post('/echo'), { status: 201, body: '{"a":"张三"}' });
  assert.deepEqual(await post('/echo', { fresh: true }), { status: 201, body: '{"a":"张三"}' });
});

test('the endpoint is read once but follows a changed URL: IPv6 literal, path and query kept', async () => {
  const v6 = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end(`v6 ${req.url}`));
  });
  await new Promise<void>((resolve) => v6.listen(0, '::1', resolve));
  const port = (v6.address() as AddressInfo).port;
  try {
    const url = `http://[::1]:${port}/processV2?probe=1`;
    const ask = (target: string) =>
      transport.post({ url: target, body: '{}', timeoutMs: 2000, maxResponseBytes: 1000 });
    assert.deepEqual(await ask(url), { status: 200, body: 'v6 /processV2?probe=1' });
    assert.deepEqual(await ask(url), { status: 200, body: 'v6 /processV2?probe=1' });
    assert.equal((await ask(`${base}/echo`)).status, 201);
    assert.deepEqual(await ask(`http://[::1]:${port}/other`), { status: 200, body: 'v6 /other' });
  } finally {
    v6.closeAllConnections();
    await new Promise((resolve) => v6.close(resolve));
  }
});

test('connection refused: nothing sent', async () => {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  const err = await failure(
    transport.post({ url: `http://127.0.0.1:${port}/`, body: '{}', timeoutMs: 2000, maxResponseBytes: 100 }),
  );
  assert.equal(err.failure, 'connect');
  assert.equal(err.sent, false);
  assert.match(err.message, /ECONNREFUSED/);
});

test('bad URLs: nothing sent', async () => {
  for (const url of ['not a url', 'ftp://127.0.0.1/x']) {
    const err = await failure(transport.post({ url, body: '{}', timeoutMs: 100, maxResponseBytes: 100 }));
    assert.equal(err.failure, 'bad_url');
    assert.equal(err.sent, false);
  }
});

test('connected, no answer before the deadline: sent, timeout', async () => {
  const err = await failure(post('/silent', { timeoutMs: 150 }));
  assert.equal(err.failure, 'timeout');
  assert.equal(err.sent, true);
});

test('connection cut mid-answer or reset after the request: sent, connection lost', async () => {
  for (const path of ['/cut', '/reset']) {
    const err = await failure(post(path, { fresh: true }));
    assert.equal(err.failure, 'connection_lost', path);
    assert.equal(err.sent, true, path);
  }
});

test('answers over the size limit are refused, declared or streamed', async () => {
  for (const path of ['/big', '/big-chunked']) {
    const err = await failure(post(path));
    assert.equal(err.failure, 'too_large', path);
    assert.equal(err.sent, true);
  }
});

test('TLS: a non-TLS endpoint fails the handshake before anything is sent', async () => {
  const plain = net.createServer((socket) => {
    socket.resume();
    socket.end('HTTP/1.1 200 OK\r\n\r\n');
  });
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
  const port = (plain.address() as AddressInfo).port;
  const err = await failure(
    transport.post({ url: `https://127.0.0.1:${port}/`, body: '{}', timeoutMs: 2000, maxResponseBytes: 100 }),
  );
  await new Promise((resolve) => plain.close(resolve));
  assert.equal(err.failure, 'connect');
  assert.equal(err.sent, false);
});

test('TLS is verified: a self-signed certificate is refused, trusted only when its CA is given', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ottpay-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const cert = readFileSync(join(dir, 'cert.pem'));
    const secure = https.createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req, res) => {
      req.resume();
      res.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(secure.address() as AddressInfo).port}/`;
    try {
      const err = await failure(transport.post({ url, body: '{}', timeoutMs: 2000, maxResponseBytes: 100 }));
      assert.equal(err.failure, 'connect');
      assert.equal(err.sent, false);
      assert.match(err.message, /SELF_SIGNED|CERT/);
      const trusting = createHttpTransport({ ca: cert });
      assert.deepEqual(await trusting.post({ url, body: '{}', timeoutMs: 2000, maxResponseBytes: 100 }), {
        status: 200,
        body: '{"ok":true}',
      });
      assert.deepEqual(
        await trusting.post({
          url,
          body: '{}',
          timeoutMs: 2000,
          maxResponseBytes: 100,
          freshConnection: true,
        }),
        { status: 200, body: '{"ok":true}' },
      );
      trusting.close();
    } finally {
      secure.closeAllConnections();
      await new Promise((resolve) => secure.close(resolve));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('pooled posts ride one keep-alive connection, and close() ends it', { timeout: 10_000 }, async () => {
  const counted = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('{}'));
  });
  counted.keepAliveTimeout = 60_000; // so that only the client can end the pooled connection here
  const opened: net.Socket[] = [];
  counted.on('connection', (socket: net.Socket) => opened.push(socket));
  await new Promise<void>((resolve) => counted.listen(0, '127.0.0.1', resolve));
  const own = createHttpTransport();
  try {
    const url = `http://127.0.0.1:${(counted.address() as AddressInfo).port}/processV2`;
    for (let i = 0; i < 5; i++) {
      const answer = await own.post({ url, body: '{}', timeoutMs: 2_000, maxResponseBytes: 1_024 });
      assert.equal(answer.status, 200);
    }
    assert.equal(opened.length, 1, 'five queries, one connection');
    const ended = new Promise<void>((resolve) => opened[0]?.once('close', () => resolve()));
    own.close();
    await ended; // the server sees the pooled connection go
  } finally {
    own.close();
    counted.closeAllConnections();
    await new Promise((resolve) => counted.close(resolve));
  }
});

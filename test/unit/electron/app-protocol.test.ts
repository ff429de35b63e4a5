import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cspProblems } from '../../../build/scripts/package-policy.ts';
import { pageUrl, roleOfUrl } from '../../../electron/main/app-origins.ts';
import { createAppProtocolHandler, resolveAppPath } from '../../../electron/main/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp.ts';

let root = '';
let outside = '';
before(() => {
  outside = mkdtempSync(join(tmpdir(), 'app-proto-'));
  root = join(outside, 'renderer');
  for (const dir of ['till', 'customer', 'assets']) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'till', 'index.html'), '<!doctype html><title>till</title>');
  writeFileSync(join(root, 'customer', 'index.html'), '<!doctype html><title>customer</title>');
  writeFileSync(join(root, 'assets', 'till-abc.js'), 'console.log(1)');
  writeFileSync(join(outside, 'secrets.safe.json'), '{"signKey":"x"}');
});
after(() => rmSync(outside, { recursive: true, force: true }));

test('each role has one exact origin; anything else has no role', () => {
  assert.equal(pageUrl('till'), 'app://till/till/index.html');
  assert.equal(roleOfUrl(pageUrl('till')), 'till');
  assert.equal(roleOfUrl(pageUrl('customer')), 'customer');
  assert.equal(roleOfUrl('app://till'), 'till');
  for (const url of [
    'app://till:1/x',
    'app://u:p@till/x',
    'app://tills/x',
    'https://till/x',
    'file:///till',
    '',
    'nonsense',
    null,
  ]) {
    assert.equal(roleOfUrl(url), null, String(url));
  }
});

test('serves the role page and shared assets with the CSP and no-sniff headers', async () => {
  const handle = createAppProtocolHandler(root);
  const page = await handle(new Request('app://till/till/index.html'));
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(page.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  assert.match(await page.text(), /<title>till<\/title>/);
  const asset = await handle(new Request('app://customer/assets/till-abc.js'));
  assert.equal(asset.status, 200);
  assert.equal(asset.headers.get('content-type'), 'text/javascript; charset=utf-8');
});

test('refuses other origins, the other role page, traversal and odd paths', async () => {
  const handle = createAppProtocolHandler(root);
  const cases: Array<[string, number]> = [
    ['app://evil/till/index.html', 403],
    ['app://customer/till/index.html', 403],
    ['app://till/customer/index.html', 403],
    // The URL parser folds %2e%2e into the root: it looks for renderer/secrets.safe.json, which is not there.
    ['app://till/%2e%2e/secrets.safe.json', 404],
    ['app://till/..%2fsecrets.safe.json', 400],
    ['app://till/assets/..%5c..%5csecrets.safe.json', 400],
    ['app://till/assets/%00.js', 400],
    ['app://till/', 400],
    ['app://till/assets', 404],
    ['app://till/assets/missing.js', 404],
  ];
  for (const [url, status] of cases) {
    const res = await handle(new Request(url));
    assert.equal(res.status, status, url);
    assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, url);
  }
  const post = await handle(new Request('app://till/till/index.html', { method: 'POST', body: 'x' }));
  assert.equal(post.status, 405);
});

test('resolveAppPath never returns a file outside the root', () => {
  for (const url of ['app://till/../secrets.safe.json', 'app://till/assets/../../secrets.safe.json']) {
    const r = resolveAppPath(root, url);
    assert.ok(!r.ok || r.file.startsWith(root), url);
  }
});

test('frame-ancestors is sent as a header; the pages’ meta CSP holds no directive Chromium ignores in a meta', () => {
  assert.match(CONTENT_SECURITY_POLICY, /frame-ancestors 'none'/);
  const pages = ['till', 'customer'].map((role) => {
    const path = `renderer/${role}/index.html`;
    return { path, html: readFileSync(path, 'utf8') };
  });
  assert.deepEqual(cspProblems(`const CSP = "${CONTENT_SECURITY_POLICY}"`, pages), []);
  assert.equal(
    cspProblems('', [
      {
        path: 'x.html',
        html: `<meta http-equiv="Content-Security-Policy" content="frame-ancestors 'none'">`,
      },
    ]).length,
    2,
  );
});

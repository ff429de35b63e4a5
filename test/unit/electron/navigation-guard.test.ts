import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLogger, createMemorySink } from '../../../electron/core/logging/logger.ts';
import {
  applyPermissionPolicy,
  type GuardableContents,
  type GuardableSession,
  guardContents,
  permissionAllowed,
} from '../../../electron/main/navigation-guard.ts';

type AnyListener = (event: { preventDefault(): void }, url?: string) => void;

function fakeContents() {
  const listeners = new Map<string, AnyListener>();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardableContents = {
    setWindowOpenHandler: (h) => {
      openHandler = h;
    },
    on: ((name: string, listener: AnyListener) => {
      listeners.set(name, listener);
      return contents;
    }) as GuardableContents['on'],
  };
  const fire = (name: string, url?: string) => {
    let prevented = false;
    listeners.get(name)?.({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

test('window.open, navigation, redirects and <webview> are all denied', () => {
  const sink = createMemorySink();
  const { contents, fire, open } = fakeContents();
  guardContents(contents, createLogger({ sink }));
  assert.deepEqual(open('https://evil.example/?pin=1234'), { action: 'deny' });
  assert.equal(fire('will-navigate', 'https://evil.example/phish'), true);
  assert.equal(fire('will-navigate', 'app://till/till/index.html'), true);
  assert.equal(fire('will-redirect', 'https://evil.example/'), true);
  assert.equal(fire('will-attach-webview'), true);
  // Logged by origin only: the query string never reaches the log.
  assert.doesNotMatch(sink.lines().join('\n'), /pin|phish/);
});

test('permissions: everything denied, to every page', () => {
  for (const url of ['app://till/till/index.html', 'app://customer', 'https://evil.example', undefined]) {
    assert.equal(permissionAllowed('clipboard-sanitized-write', url), false, String(url));
  }
  for (const p of [
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'hid',
    'serial',
    'usb',
    'fullscreen',
    'openExternal',
  ]) {
    assert.equal(permissionAllowed(p, 'app://till'), false, p);
  }
});

test('the till page alone may use a camera, for video only (issue 21)', () => {
  assert.equal(permissionAllowed('media', 'app://till/till/index.html', ['video']), true);
  assert.equal(permissionAllowed('media', 'app://till', ['video']), true);
  for (const [url, media] of [
    ['app://till/till/index.html', ['audio']],
    ['app://till/till/index.html', ['video', 'audio']],
    ['app://till/till/index.html', []],
    ['app://customer/customer/index.html', ['video']],
    ['https://evil.example/', ['video']],
    ['app://till:8080/', ['video']],
    [undefined, ['video']],
  ] as const) {
    assert.equal(permissionAllowed('media', url, media), false, `${url} ${media.join('+')}`);
  }
});

test('the session handlers apply that policy to requests and checks', () => {
  const got: {
    request?: Parameters<GuardableSession['setPermissionRequestHandler']>[0];
    check?: Parameters<GuardableSession['setPermissionCheckHandler']>[0];
  } = {};
  applyPermissionPolicy(
    {
      setPermissionRequestHandler: (h) => {
        got.request = h;
      },
      setPermissionCheckHandler: (h) => {
        got.check = h;
      },
    },
    createLogger({ sink: createMemorySink() }),
  );
  const answers: boolean[] = [];
  got.request?.({}, 'media', (g) => answers.push(g), { requestingUrl: 'app://till/till/index.html' });
  got.request?.({}, 'clipboard-sanitized-write', (g) => answers.push(g), {
    requestingUrl: 'app://till/till/index.html',
  });
  got.request?.({}, 'media', (g) => answers.push(g), {
    requestingUrl: 'app://till/till/index.html',
    mediaTypes: ['video'],
  });
  assert.deepEqual(answers, [false, false, true]);
  assert.equal(got.check?.({}, 'media', 'app://till', { mediaType: 'video' }), true);
  assert.equal(got.check?.({}, 'media', 'app://till', { mediaType: 'audio' }), false);
  assert.equal(got.check?.({}, 'geolocation', 'app://till'), false);
  assert.equal(got.check?.({}, 'clipboard-sanitized-write', 'app://till'), false);
});

// The stand-in 'electron' must not be kinder than the real one where main could touch keys: a
// key-down main prevents loses its key-up (electron/electron#37336).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFakeElectron, FakeWebContents } from './fake-electron.ts';

test('a key-down prevented in before-input-event takes its key-up with it', () => {
  const contents = new FakeWebContents();
  const seen: string[] = [];
  contents.on(
    'before-input-event',
    (event: { preventDefault(): void }, input: { type: string; key: string }) => {
      seen.push(`${input.type}:${input.key}`);
      if (input.key === ' ' && input.type === 'keyDown') event.preventDefault();
    },
  );
  contents.pressKey({ type: 'keyDown', key: ' ', code: 'Space' });
  contents.pressKey({ type: 'keyUp', key: ' ', code: 'Space' });
  contents.pressKey({ type: 'keyDown', key: 'a', code: 'KeyA' });
  contents.pressKey({ type: 'keyUp', key: 'a', code: 'KeyA' });
  assert.deepEqual(seen, ['keyDown: ', 'keyDown:a', 'keyUp:a'], 'main never hears the Space key-up');
  assert.deepEqual(
    contents.pageKeys.map((k) => `${k.type}:${k.key}`),
    ['keyDown:a', 'keyUp:a'],
  );
});

test('the stand-in as Electron 45: setPath refuses a missing folder, print defaults to A4, signals before ready are lost', () => {
  const fake = createFakeElectron({ userData: '/nowhere', logs: '/nowhere' }, true);
  assert.throws(() => fake.module.app.setPath('userData', '/no/such/folder/anywhere'), /Failed to set path/);
  assert.throws(() => fake.module.app.setPath('userData', 'relative'), /must be absolute/);
  const contents = new FakeWebContents();
  contents.print({ silent: true }, () => {});
  assert.deepEqual(contents.prints[0]?.media, { width: 210_000, height: 297_000 }, 'A4 without a page size');
  assert.throws(
    () =>
      contents.print(
        { pageSize: { width: 80_000, height: 100_000 }, usePrinterDefaultPageSize: true },
        () => {},
      ),
    /cannot be combined/,
  );
  assert.throws(() => contents.print({ pageSize: { width: 100, height: 100_000 } }, () => {}), RangeError);

  // A listener registered before ready is replaced by Electron's handler: the signal becomes app.quit().
  const early = () => {};
  process.on('SIGHUP', early);
  let quits = 0;
  fake.module.app.on('before-quit', () => quits++);
  fake.ready();
  fake.sendSignal('SIGHUP');
  process.off('SIGHUP', early);
  assert.equal(quits, 1, "Electron's handler: app.quit()");
  let late = 0;
  const after = () => late++;
  process.on('SIGHUP', after);
  fake.sendSignal('SIGHUP');
  process.off('SIGHUP', after);
  assert.equal(late, 1, 'a listener registered after ready gets the signal');
});

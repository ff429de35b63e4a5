// The stand-in 'electron' must not be kinder than the real one where main could touch keys: a
// key-down main prevents loses its key-up (electron/electron#37336).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeWebContents } from './fake-electron.ts';

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

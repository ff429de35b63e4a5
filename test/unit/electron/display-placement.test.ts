import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  centredIn,
  type DisplayInfo,
  pickSecondary,
  placeCustomerDisplay,
  placeTill,
} from '../../../electron/main/display-placement.ts';

const display = (id: number, x: number, y: number, width: number, height: number): DisplayInfo => ({
  id,
  bounds: { x, y, width, height },
  workArea: { x, y, width, height: height - 40 },
});
const laptop = display(1, 0, 0, 1920, 1080);
const right = display(7, 1920, 0, 1024, 768);
const left = display(3, -800, 0, 800, 600);

test('second-screen with one display: a movable window centred on the primary work area', () => {
  assert.deepEqual(placeCustomerDisplay('second-screen', [laptop], 1), {
    kind: 'window',
    displayId: 1,
    bounds: { x: 560, y: 220, width: 800, height: 600 },
  });
});

test('second-screen with a secondary display: full screen over its whole bounds', () => {
  assert.deepEqual(placeCustomerDisplay('second-screen', [laptop, right], 1), {
    kind: 'fullscreen',
    displayId: 7,
    bounds: { x: 1920, y: 0, width: 1024, height: 768 },
  });
});

test('the primary may be any display; the secondary is the leftmost other one', () => {
  assert.equal(pickSecondary([laptop, right, left], 1)?.id, 3);
  assert.equal(pickSecondary([laptop, right, left], 7)?.id, 3);
  assert.equal(pickSecondary([laptop], 1), null);
  const p = placeCustomerDisplay('second-screen', [right, laptop], 7);
  assert.equal(p.kind === 'fullscreen' && p.displayId, 1);
});

test('window mode: never full screen, but opened on the secondary display when there is one', () => {
  const p = placeCustomerDisplay('window', [laptop, right], 1);
  assert.equal(p.kind, 'window');
  assert.equal(p.kind === 'window' && p.displayId, 7);
  // 800x600 fits inside 1024x728 work area, centred
  assert.deepEqual(p.kind === 'window' && p.bounds, { x: 1920 + 112, y: 64, width: 800, height: 600 });
});

test('off and browser open no window; no displays at all opens none', () => {
  assert.deepEqual(placeCustomerDisplay('off', [laptop, right], 1), { kind: 'none' });
  assert.deepEqual(placeCustomerDisplay('browser', [laptop, right], 1), { kind: 'none' });
  assert.deepEqual(placeCustomerDisplay('second-screen', [], 1), { kind: 'none' });
});

test('a display removed: the placement falls back from full screen to a window', () => {
  const before = placeCustomerDisplay('second-screen', [laptop, right], 1);
  const after = placeCustomerDisplay('second-screen', [laptop], 1);
  assert.equal(before.kind, 'fullscreen');
  assert.equal(after.kind, 'window');
});

test('a small screen shrinks the window to fit; the till takes the primary work area', () => {
  assert.deepEqual(centredIn({ x: 0, y: 0, width: 640, height: 480 }, { width: 800, height: 600 }), {
    x: 0,
    y: 0,
    width: 640,
    height: 480,
  });
  assert.deepEqual(placeTill([right, laptop], 1), laptop.workArea);
  assert.equal(placeTill([], 1), null);
});

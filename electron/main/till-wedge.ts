// Wires the wedge input (wedge-input.ts) to the till window: before-input-event in, sendInputEvent
// out, flushed when the window loses focus, fed to the core.
import type { BrowserWindow } from 'electron';
import type { TillSnapshot } from '../../shared/domain.ts';
import type { TillCore } from '../core/app/till-core-types.ts';
import { createWedgeInput, keyboardEventsFor } from './wedge-input.ts';

export function attachWedgeInput(win: BrowserWindow, core: TillCore): void {
  const contents = win.webContents;
  let enabled = core.snapshot().settings.scanners.wedge.enabled;
  const unsubscribe = core.subscribe('till', (name, payload) => {
    if (name === 'till.snapshot') enabled = (payload as TillSnapshot).settings.scanners.wedge.enabled;
  });
  const wedge = createWedgeInput({
    feed: (events) => core.feedWedgeKeys(events),
    sink: {
      sendKey: (key) => {
        for (const event of keyboardEventsFor(key)) contents.sendInputEvent(event);
      },
    },
    enabled: () => enabled,
    now: () => performance.timeOrigin + performance.now(),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  contents.on('before-input-event', (event, input) => {
    if (wedge.onInput(input)) event.preventDefault();
  });
  win.on('blur', () => wedge.flush());
  contents.once('destroyed', () => {
    wedge.dispose();
    unsubscribe();
  });
}

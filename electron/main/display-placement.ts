// Where the customer display goes. Pure: takes the displays Electron reports (screen.getAllDisplays)
// and returns bounds, so every arrangement is tested without a screen.
import type { PublicSettings } from '../../shared/domain.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of Electron's Display this needs. */
export interface DisplayInfo {
  id: number;
  bounds: Rect;
  workArea: Rect;
}

export type CustomerPlacement =
  /** Full screen on a display that is not the till's. */
  | { kind: 'fullscreen'; displayId: number; bounds: Rect }
  /** An ordinary resizable window the cashier can move. */
  | { kind: 'window'; displayId: number; bounds: Rect }
  /** No Electron window: the display is off or shown in a browser (browser shell). */
  | { kind: 'none' };

export const CUSTOMER_WINDOW_SIZE = { width: 800, height: 600 } as const;

/** The secondary display: the first non-primary one, left to right then top to bottom. */
export function pickSecondary(displays: readonly DisplayInfo[], primaryId: number): DisplayInfo | null {
  const others = displays.filter((d) => d.id !== primaryId);
  others.sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y || a.id - b.id);
  return others[0] ?? null;
}

/** A window of at most `size`, centred in the work area. */
export function centredIn(area: Rect, size: { width: number; height: number }): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: area.x + Math.floor((area.width - width) / 2),
    y: area.y + Math.floor((area.height - height) / 2),
    width,
    height,
  };
}

/**
 * 'second-screen': full screen on a secondary display when there is one, else a window.
 * 'window': always a movable window, opened on the secondary display when there is one.
 * 'browser' / 'off': no Electron window.
 */
export function placeCustomerDisplay(
  mode: PublicSettings['customerDisplay'],
  displays: readonly DisplayInfo[],
  primaryId: number,
): CustomerPlacement {
  if (mode === 'off' || mode === 'browser') return { kind: 'none' };
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0];
  if (!primary) return { kind: 'none' };
  const secondary = pickSecondary(displays, primary.id);
  if (mode === 'second-screen' && secondary) {
    return { kind: 'fullscreen', displayId: secondary.id, bounds: { ...secondary.bounds } };
  }
  const host = secondary ?? primary;
  return { kind: 'window', displayId: host.id, bounds: centredIn(host.workArea, CUSTOMER_WINDOW_SIZE) };
}

/** The till window: maximised-size bounds on the primary display. */
export function placeTill(displays: readonly DisplayInfo[], primaryId: number): Rect | null {
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0];
  return primary ? { ...primary.workArea } : null;
}

export function samePlacement(a: CustomerPlacement, b: CustomerPlacement): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

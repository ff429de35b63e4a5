// The till page paints at once, whatever its language: it never waits for the Chinese font before its
// first paint, and an English or French till asks for no slice until its first screen is up (then it
// loads them when idle, for the "中文" of the language list and a Chinese receipt on the screen
// printer). Chinese must not be put on the page before its slices have loaded: Chromium never redraws
// Chinese it laid out while its slice was still loading, not even new text with the same characters
// (measured: empty boxes for good, even in a hidden element). So a Chinese till shows its "Loading…"
// (Latin) until the app's Chinese has loaded (at most MAX_WAIT_MS), and starts that load with the page
// when it was in Chinese last time (language-hint.ts), while the core is still starting.
import { cjkCharsOfTables } from './cjk-text.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { zh } from './zh.ts';

export const CJK_FONT = '16px "Till Noto Sans SC"';
/** Never hold a Chinese screen back longer than this for its font (missing: the system's fonts draw it). */
export const MAX_WAIT_MS = 1500;

let loading: Promise<void> | null = null;
let settled = false;

/** Loads every slice the app's Chinese needs (once); resolves when loaded or after `maxWaitMs`. */
export function loadAppCjkFont(maxWaitMs = MAX_WAIT_MS): Promise<void> {
  loading ??= document.fonts.load(CJK_FONT, cjkCharsOfTables([en, fr, zh])).then(
    () => undefined,
    () => undefined, // no font: the page still works, with the system's fonts
  );
  const giveUp = new Promise<void>((resolve) => setTimeout(resolve, maxWaitMs));
  return Promise.race([loading, giveUp]).then(() => {
    settled = true;
  });
}

/** True once the app's Chinese font has loaded (or been given up on): Chinese may be shown. */
export function appCjkFontSettled(): boolean {
  return settled;
}

// The till page paints at once, whatever its language: it never waits for the Chinese font before its
// first render (an English or French till never asks for a Chinese slice at all). Chinese must still
// never be drawn in a fallback font (on a machine with no CJK font: empty boxes) for longer than a
// moment, so while the page is in Chinese the gate watches what the page shows: the first time it shows
// Chinese whose slices are not loaded yet, the page stays hidden (before that frame is painted) until
// those slices have loaded, at most MAX_WAIT_MS. Only the slices that text needs are fetched (the font's
// unicode-range does that). Once the Chinese page is on screen, the rest of the app's Chinese loads
// when the page is idle, so the next screens find their slices there.
import { whenIdle } from '../components/when-idle.ts';
import { cjkCharsOf } from './cjk-text.ts';

export const CJK_FONT = '16px "Till Noto Sans SC"';
/** Never hold a page hidden longer than this for a font (a missing font: the system's fonts draw it). */
export const MAX_WAIT_MS = 1500;

export interface CjkFontGateOptions {
  /** Every Chinese character the app can show: loaded when idle once the page shows Chinese. */
  warmChars: () => string;
  maxWaitMs?: number;
}

/** Watches `root` for good (a till can be switched to Chinese at any time). */
export function gateCjkFont(root: HTMLElement, opts: CjkFontGateOptions): void {
  const maxWaitMs = opts.maxWaitMs ?? MAX_WAIT_MS;
  let waiting = false;
  let warmed = false;
  const check = () => {
    if (waiting || !document.documentElement.lang.startsWith('zh')) return;
    const chars = cjkCharsOf(root.textContent ?? '');
    if (chars === '') return;
    if (document.fonts.check(CJK_FONT, chars)) {
      if (!warmed) warm();
      return;
    }
    // A MutationObserver runs before the browser paints the change: the fallback is never drawn.
    waiting = true;
    root.style.visibility = 'hidden';
    void loadFont(chars, maxWaitMs).then(() => {
      root.style.visibility = '';
      waiting = false;
      if (!warmed) warm();
      check(); // the page may have changed again meanwhile
    });
  };
  const warm = () => {
    warmed = true;
    whenIdle(() => void loadFont(opts.warmChars(), Number.POSITIVE_INFINITY));
  };
  new MutationObserver(check).observe(root, { childList: true, subtree: true, characterData: true });
  check();
}

function loadFont(chars: string, maxWaitMs: number): Promise<void> {
  const loaded = document.fonts.load(CJK_FONT, chars).then(
    () => undefined,
    () => undefined, // no font: the page still works, with the system's fonts
  );
  if (!Number.isFinite(maxWaitMs)) return loaded;
  return Promise.race([loaded, new Promise<void>((resolve) => setTimeout(resolve, maxWaitMs))]);
}

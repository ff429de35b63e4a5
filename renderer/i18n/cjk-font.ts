// The bundled Chinese font (build/scripts/cjk-font.ts) is cut into slices the browser fetches when
// text needs them. Chromium does not redraw text it first drew as empty boxes while a slice was still
// loading, so a page loads every slice the messages use before its first render.
import { en } from './en.ts';
import { fr } from './fr.ts';
import { zh } from './zh.ts';

const FAMILY = '"Till Noto Sans SC"';
/** Never hold a page back longer than this for a font. */
const MAX_WAIT_MS = 1500;

export function cjkFontReady(): Promise<void> {
  const chars = new Set<string>();
  for (const table of [en, fr, zh]) {
    for (const text of Object.values(table) as string[]) {
      for (const ch of text) if ((ch.codePointAt(0) ?? 0) >= 0x2e80) chars.add(ch);
    }
  }
  const loaded = document.fonts.load(`16px ${FAMILY}`, [...chars].join('')).then(
    () => undefined,
    () => undefined, // no font: the page still works, with the system's fonts
  );
  const giveUp = new Promise<void>((resolve) => setTimeout(resolve, MAX_WAIT_MS));
  return Promise.race([loaded, giveUp]);
}

// The operator's language of the last start, kept in the page's own storage: the till page learns its
// language only from the core's first snapshot, and a Chinese till starts loading its font before that.
import type { Language } from '../../shared/domain.ts';

const KEY = 'till.lastLanguage';

export function lastLanguage(): Language | null {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'en' || value === 'fr' || value === 'zh' ? value : null;
  } catch {
    return null; // no storage (a locked-down profile): no hint
  }
}

export function rememberLanguage(lang: Language): void {
  try {
    if (localStorage.getItem(KEY) !== lang) localStorage.setItem(KEY, lang);
  } catch {
    // no storage: the next start has no hint, nothing else changes
  }
}

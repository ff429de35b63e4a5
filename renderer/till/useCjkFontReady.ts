// Whether the till may show its screens in `lang` yet: always for English and French; for Chinese once
// the app's Chinese font has loaded (cjk-font-gate.ts). Once a screen is up in any language, the font
// loads when the page is idle, so a later switch to Chinese (or its "中文") finds it there.
import { useEffect, useState } from 'react';
import type { Language } from '../../shared/domain.ts';
import { whenIdle } from '../components/when-idle.ts';
import { appCjkFontSettled, loadAppCjkFont } from '../i18n/cjk-font-gate.ts';
import { rememberLanguage } from './language-hint.ts';

export function useCjkFontReady(lang: Language | undefined): boolean {
  const [settled, setSettled] = useState(appCjkFontSettled);
  const waiting = lang === 'zh' && !settled;
  useEffect(() => {
    if (lang === undefined) return;
    rememberLanguage(lang);
    let live = true;
    const load = () => void loadAppCjkFont().then(() => live && setSettled(true));
    if (waiting) load();
    else if (!settled) whenIdle(load);
    return () => {
      live = false;
    };
  }, [lang, waiting, settled]);
  return !waiting;
}

import { createRoot } from 'react-dom/client';
import { gateCjkFont } from '../i18n/cjk-font-gate.ts';
import { cjkCharsOfTables } from '../i18n/cjk-text.ts';
import { en } from '../i18n/en.ts';
import { fr } from '../i18n/fr.ts';
import { pseudoLocaleFromUrl } from '../i18n/pseudo.ts';
import { zh } from '../i18n/zh.ts';
import { getTillApi } from '../transport/index.ts';
import { App } from './App.tsx';
import '../fonts/noto-sans-sc.css'; // made by the build: build/scripts/cjk-font.ts
import '../styles/base.css';
import '../styles/till.css';
import '../styles/access.css';

pseudoLocaleFromUrl(window.location.search);
const root = document.getElementById('root');
if (root) {
  // Rendered at once: the Chinese font is waited for only while the till shows Chinese.
  gateCjkFont(root, { warmChars: () => cjkCharsOfTables([en, fr, zh]) });
  createRoot(root).render(<App api={getTillApi()} />);
}

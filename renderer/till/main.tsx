import { createRoot } from 'react-dom/client';
import { loadAppCjkFont } from '../i18n/cjk-font-gate.ts';
import { pseudoLocaleFromUrl } from '../i18n/pseudo.ts';
import { getTillApi } from '../transport/index.ts';
import { App } from './App.tsx';
import { askFirstSnapshot } from './first-snapshot.ts';
import { lastLanguage } from './language-hint.ts';
import '../fonts/noto-sans-sc.css'; // made by the build: build/scripts/cjk-font.ts
import '../styles/base.css';
import '../styles/till.css';
import '../styles/access.css';

pseudoLocaleFromUrl(window.location.search);
// A Chinese till loads its font while the core starts (App shows Chinese only once it has loaded).
if (lastLanguage() === 'zh') void loadAppCjkFont();
const api = getTillApi();
askFirstSnapshot(api); // before the first render: the lock screen waits for the answer
const root = document.getElementById('root');
if (root) createRoot(root).render(<App api={api} />);

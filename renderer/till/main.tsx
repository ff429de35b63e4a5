import { createRoot } from 'react-dom/client';
import { cjkFontReady } from '../i18n/cjk-font.ts';
import { pseudoLocaleFromUrl } from '../i18n/pseudo.ts';
import { getTillApi } from '../transport/index.ts';
import { App } from './App.tsx';
import '../fonts/noto-sans-sc.css'; // made by the build: build/scripts/cjk-font.ts
import '../styles/base.css';
import '../styles/till.css';
import '../styles/access.css';

pseudoLocaleFromUrl(window.location.search);
const root = document.getElementById('root');
if (root) void cjkFontReady().then(() => createRoot(root).render(<App api={getTillApi()} />));

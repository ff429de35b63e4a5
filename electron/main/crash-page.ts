// The page a window shows once its renderer has crashed too often (page-crash.ts): plain HTML with no
// script, as a data: URL, so it shows even when the app's own pages are what keeps crashing. Its
// opaque origin gets no IPC (the sender check wants app://<role>).

import { t } from '../../renderer/i18n/t.ts';
import type { Language } from '../../shared/domain.ts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function crashPageHtml(lang: Language, logDir: string): string {
  const lines = [t(lang, 'crash.safe'), t(lang, 'crash.restart'), t(lang, 'crash.support', { logDir })];
  return [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(t(lang, 'crash.title'))}</title>`,
    '<style>body{font:20px/1.5 system-ui,sans-serif;margin:3em;max-width:40em}h1{font-size:1.6em}</style>',
    `</head><body><h1>${escapeHtml(t(lang, 'crash.title'))}</h1>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    '</body></html>',
  ].join('');
}

export function crashPageUrl(lang: Language, logDir: string): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(crashPageHtml(lang, logDir))}`;
}

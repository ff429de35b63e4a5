// One translate function for both renderers: t(lang, key, params) with {name} placeholders.

import type { Language } from '../../shared/domain.ts';
import type { Currency } from '../../shared/money.ts';
import { formatMoney } from '../../shared/money.ts';
import { en, type MessageKey } from './en.ts';
import { fr } from './fr.ts';
import { pseudoLocaleOn, pseudoLocalize } from './pseudo.ts';
import { zh } from './zh.ts';

export type { MessageKey };

/** t() with the language already chosen: what screens and the wording helpers take. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const TABLES: Record<Language, Record<MessageKey, string>> = { en, fr, zh };
const LOCALES: Record<Language, string> = { en: 'en-CA', fr: 'fr-CA', zh: 'zh-CN' };

export function t(lang: Language, key: MessageKey, params?: Record<string, string | number>): string {
  const text = pseudoLocaleOn() ? pseudoLocalize(en[key]) : (TABLES[lang][key] ?? en[key]);
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function localeOf(lang: Language): string {
  return LOCALES[lang];
}

export function money(lang: Language, cents: number, currency: Currency): string {
  return formatMoney(cents, currency, LOCALES[lang]);
}

export function dateTime(lang: Language, epochMs: number): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'medium' }).format(epochMs);
}

export function timeOfDay(lang: Language, epochMs: number): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeStyle: 'medium' }).format(epochMs);
}

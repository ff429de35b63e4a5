// What the till says aloud when a payment is paid or a refund is done, in the operator's language:
// the sentence (printed by the CLI, shown nowhere else) and the clips that speak it, in order.
import type { Language, Wallet } from '../domain.ts';
import type { Currency } from '../money.ts';
import { enAmountTokens, enIntegerTokens } from './en-amount.ts';
import { FR_CENT, FR_CENTS, frAmountTokens, frIntegerTokens } from './fr-amount.ts';
import { zhAmountTokens, zhIntegerTokens } from './zh-amount.ts';

export type AnnouncementKind = 'paid' | 'refund';

export interface Announcement {
  sentence: string;
  /** Clip ids of the language's clip table, in speaking order. */
  clips: string[];
}

const ZH_WALLET: Record<Wallet, string> = { WECHATPAY: '微信', ALIPAY: '支付宝', UNIONPAY: '银联' };
const ZH_KIND: Record<AnnouncementKind, string> = { paid: '收款', refund: '退款' };
const ZH_CURRENCY: Record<Currency, string> = { CAD: '加元', USD: '美元' };
const LATIN_WALLET: Record<Wallet, string> = {
  WECHATPAY: 'WeChat Pay',
  ALIPAY: 'Alipay',
  UNIONPAY: 'UnionPay',
};
const EN_KIND: Record<AnnouncementKind, string> = { paid: 'received', refund: 'refunded' };
const FR_KIND: Record<AnnouncementKind, string> = { paid: 'paiement reçu', refund: 'remboursement' };

export function announcement(
  kind: AnnouncementKind,
  wallet: Wallet,
  cents: number,
  currency: Currency,
  lang: Language,
): Announcement {
  if (!Number.isInteger(cents) || cents < 0 || cents > 99_999_999)
    throw new RangeError(`cannot say ${cents}`);
  if (lang === 'zh') {
    const lead = `${ZH_WALLET[wallet]}${ZH_KIND[kind]}`;
    const amount = [...zhAmountTokens(cents), ZH_CURRENCY[currency]];
    return { sentence: `${lead} ${amount.join('')}`, clips: [lead, ...amount] };
  }
  const lead =
    lang === 'en' ? `${LATIN_WALLET[wallet]} ${EN_KIND[kind]}` : `${LATIN_WALLET[wallet]}, ${FR_KIND[kind]}`;
  const tokens = lang === 'en' ? enAmountTokens(cents) : frAmountTokens(cents);
  return { sentence: `${lead} ${joinWords(tokens)}`, clips: [lead, ...tokens.map(clipOf)] };
}

/** "twenty", "-three" → "twenty-three"; the coin marks dropped. */
function joinWords(tokens: string[]): string {
  let out = '';
  for (const token of tokens) {
    const word = token.replace('¢', '');
    if (word.startsWith('-')) out += word;
    else out += out === '' ? word : ` ${word}`;
  }
  return out;
}

function clipOf(token: string): string {
  return token.startsWith('-') ? token.slice(1) : token;
}

/** Every clip a language can need, with the text the voice reads for it (the generator's list). */
export function clipVocabulary(lang: Language): Map<string, string> {
  const words = new Map<string, string>();
  const add = (clip: string, text = clip) => words.set(clip, text);
  for (const wallet of Object.keys(ZH_WALLET) as Wallet[]) {
    for (const kind of ['paid', 'refund'] as const) {
      const a = announcement(kind, wallet, 0, 'CAD', lang);
      add(a.clips[0] ?? '');
    }
  }
  const integers = lang === 'zh' ? zhIntegerTokens : lang === 'en' ? enIntegerTokens : frIntegerTokens;
  for (const n of [
    ...Array.from({ length: 1001 }, (_, i) => i),
    2000,
    10_000,
    10_005,
    1_000_000,
    2_000_000,
  ]) {
    for (const token of integers(n)) add(clipOf(token));
  }
  if (lang === 'zh') {
    for (const w of ['点', '万', ...Object.values(ZH_CURRENCY)]) add(w);
  } else if (lang === 'en') {
    for (const w of ['dollar', 'dollars', 'cent', 'cents', 'and']) add(w);
  } else {
    for (const w of ['dollar', 'dollars', 'et']) add(w);
    add(FR_CENT, 'cenne');
    add(FR_CENTS, 'cennes');
  }
  return words;
}

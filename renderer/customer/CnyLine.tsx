import type { CustomerView } from '../../shared/domain.ts';
import { yuanText } from '../../shared/payments/cny.ts';
import { localeOf, t } from '../i18n/t.ts';

/**
 * The amount in the customer's own currency, "≈ ¥ 61.86", with the date of the rate in small type.
 * Shown only while the core has a rate under 24 hours old (it sends none otherwise). `first`: the
 * Chinese-first layout puts it above the merchant's amount, in large type.
 */
export function CnyLine({ view, first = false }: { view: CustomerView; first?: boolean }) {
  if (view.cnyFen == null) return null;
  const lang = view.language;
  const date = view.cnyRateAt != null ? rateDateFormat(localeOf(lang)).format(view.cnyRateAt) : null;
  return (
    <span className={`customer-cny${first ? ' customer-cny-first' : ''}`} data-testid="customer-cny">
      <span className="cny-amount">{t(lang, 'cny.approx', { amount: yuanText(view.cnyFen) })}</span>
      {date && <small className="cny-rate-date">{t(lang, 'cny.rateOf', { date })}</small>}
    </span>
  );
}

/** One formatter per locale: the line is drawn with every QR and every countdown tick. */
const rateDateFormats = new Map<string, Intl.DateTimeFormat>();

function rateDateFormat(locale: string): Intl.DateTimeFormat {
  let format = rateDateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    rateDateFormats.set(locale, format);
  }
  return format;
}

import type { Language } from '../../shared/domain.ts';
import { t } from '../i18n/t.ts';

/** "From POS · ref …": a payment the shop's POS asked for over the local POS API (till and customer display). */
export function PosMark({
  pos,
  lang,
}: {
  pos: { reference: string | null } | null | undefined;
  lang: Language;
}) {
  if (!pos) return null;
  return (
    <span className="pos-mark" data-testid="pos-mark">
      {pos.reference === null ? t(lang, 'pos.from') : t(lang, 'pos.fromRef', { ref: pos.reference })}
    </span>
  );
}

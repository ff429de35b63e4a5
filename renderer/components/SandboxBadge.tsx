import type { Language } from '../../shared/domain.ts';
import { t } from '../i18n/t.ts';

/** Shown on every screen whenever the till runs on the embedded simulator. */
export function SandboxBadge({ lang, sandbox }: { lang: Language; sandbox: boolean }) {
  if (!sandbox) return null;
  return (
    <div className="sandbox-badge" role="status" data-testid="sandbox-badge">
      {t(lang, 'badge.sandbox')}
    </div>
  );
}

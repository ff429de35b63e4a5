import type { MessageKey } from '../i18n/t.ts';
import { useTill } from './till-context.ts';

export type Tab = 'sale' | 'attention' | 'history' | 'report' | 'settings';
const TABS: Array<{ tab: Tab; label: MessageKey }> = [
  { tab: 'sale', label: 'nav.sale' },
  { tab: 'attention', label: 'nav.attention' },
  { tab: 'history', label: 'nav.history' },
  { tab: 'report', label: 'nav.report' },
  { tab: 'settings', label: 'nav.settings' },
];

export function NavBar({ current, onSelect }: { current: Tab; onSelect: (tab: Tab) => void }) {
  const { tr, snapshot } = useTill();
  return (
    <nav className="nav" aria-label={tr('app.title')}>
      {TABS.map(({ tab, label }) => (
        <button
          key={tab}
          type="button"
          aria-current={current === tab ? 'page' : undefined}
          onClick={() => onSelect(tab)}
        >
          {tr(label)}
          {tab === 'attention' && snapshot.attention.length > 0 && (
            <span className="count-badge"> ({snapshot.attention.length})</span>
          )}
        </button>
      ))}
    </nav>
  );
}

import { roleAtLeast } from '../../shared/staff.ts';
import type { MessageKey } from '../i18n/t.ts';
import { useTill } from './till-context.ts';

export type Tab = 'sale' | 'attention' | 'history' | 'report' | 'shift' | 'staff' | 'settings';
const TABS: Array<{ tab: Tab; label: MessageKey; supervisors?: boolean }> = [
  { tab: 'sale', label: 'nav.sale' },
  { tab: 'attention', label: 'nav.attention' },
  { tab: 'history', label: 'nav.history' },
  { tab: 'report', label: 'nav.report' },
  { tab: 'shift', label: 'nav.shift' },
  { tab: 'staff', label: 'nav.staff', supervisors: true },
  { tab: 'settings', label: 'nav.settings' },
];

export function NavBar({ current, onSelect }: { current: Tab; onSelect: (tab: Tab) => void }) {
  const { tr, snapshot } = useTill();
  return (
    <nav className="nav" aria-label={tr('app.title')}>
      {TABS.filter(
        (t) =>
          !t.supervisors ||
          (snapshot.staff.cashier && roleAtLeast(snapshot.staff.cashier.role, 'supervisor')),
      ).map(({ tab, label }) => (
        <button
          key={tab}
          type="button"
          aria-current={current === tab ? 'page' : undefined}
          onClick={() => onSelect(tab)}
        >
          {tr(label)}
          {tab === 'attention' && snapshot.attentionCount > 0 && (
            <span className="count-badge"> ({snapshot.attentionCount})</span>
          )}
        </button>
      ))}
    </nav>
  );
}

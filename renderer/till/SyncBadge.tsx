// The header's word on shipping to the chain's central database: nothing when it is not set up (or in
// sandbox); otherwise up to date, sending, retrying, or — when events have waited past the configured
// time — an alert that the central figures are behind.
import type { Language } from '../../shared/domain.ts';
import type { StoreSyncStatus } from '../../shared/store-sync.ts';
import { plural } from '../i18n/words.ts';
import { useTill } from './till-context.ts';

export function syncHeadline(
  s: StoreSyncStatus,
  tr: ReturnType<typeof useTill>['tr'],
  lang: Language,
): string | null {
  if (s.state === 'off' || s.state === 'sandbox') return null;
  if (s.stale) return tr('sync.header.stale', { minutes: Math.floor((s.lagMs ?? 0) / 60_000) });
  if (s.state === 'retrying') return tr('sync.header.retrying');
  if (s.state === 'shipping') return plural(tr, lang, 'sync.header.shipping', s.pendingEvents);
  return tr('sync.header.ok');
}

export function SyncBadge() {
  const { tr, lang, snapshot } = useTill();
  const s = snapshot.storeSync;
  const text = syncHeadline(s, tr, lang);
  if (text === null) return null;
  const bad = s.stale || s.state === 'retrying';
  return (
    <span
      className={`sync ${bad ? 'sync-bad' : ''}`}
      role={s.stale ? 'alert' : 'status'}
      data-testid="sync-badge"
      title={s.lastError ?? ''}
    >
      {text}
    </span>
  );
}

// The sync agent's state as the till's screens see it (no URL credentials, ever).
export interface StoreSyncStatus {
  /** off: not configured; sandbox: the sandbox journal is never shipped; up_to_date; shipping; retrying. */
  state: 'off' | 'sandbox' | 'up_to_date' | 'shipping' | 'retrying';
  /** Events have waited longer than the configured time: the central figures are behind. */
  stale: boolean;
  /** host:port/database, never with a password. */
  target: string | null;
  storeId: string | null;
  lastShippedSeq: number;
  lastShippedAt: number | null;
  pendingEvents: number;
  /** Age of the oldest event not yet shipped (the till's own clock), or null when none waits. */
  lagMs: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
}

export const SYNC_OFF: StoreSyncStatus = {
  state: 'off',
  stale: false,
  target: null,
  storeId: null,
  lastShippedSeq: 0,
  lastShippedAt: null,
  pendingEvents: 0,
  lagMs: null,
  lastError: null,
  lastErrorAt: null,
};

// The owner's page talks to one read-only endpoint. The token comes from the link's #fragment (never
// sent to a server, never in its logs) and is then dropped from the address bar.
import type { ChainDayReport } from '../../shared/store-report.ts';

export type ReportAnswer =
  | { ok: true; report: ChainDayReport }
  | { ok: false; reason: 'no-token' | 'denied' | 'unavailable' | 'bad-request'; message: string };

export interface ReportClient {
  hasToken: boolean;
  load(day: string, storeId: string | null): Promise<ReportAnswer>;
}

export function createReportClient(hash: string): ReportClient {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  if (token && typeof history !== 'undefined') history.replaceState(null, '', window.location.pathname);
  return {
    hasToken: token !== null,
    async load(day, storeId) {
      if (!token) return { ok: false, reason: 'no-token', message: '' };
      const q = new URLSearchParams({ day, ...(storeId ? { store: storeId } : {}) });
      let res: Response;
      try {
        res = await fetch(`/api/report?${q}`, { headers: { Authorization: `Bearer ${token}` } });
      } catch (err) {
        return { ok: false, reason: 'unavailable', message: String(err) };
      }
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      if (res.ok) return { ok: true, report: body as unknown as ChainDayReport };
      const reason = res.status === 401 ? 'denied' : res.status === 400 ? 'bad-request' : 'unavailable';
      return { ok: false, reason, message: body.error ?? '' };
    },
  };
}

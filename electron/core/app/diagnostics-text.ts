// diagnostics.get: what support needs to see — versions, mode, public settings (never a secret: only
// "sign key set"), gateway health, scanners and the recent log lines (already redacted).
import type { TillSnapshot } from '../../../shared/domain.ts';

export interface DiagnosticsInput {
  appVersion: string;
  snapshot: TillSnapshot;
  settingsIssue: string | null;
  recentLog: string[];
  simulatorUrl: string | null;
  /** The local POS API, when started: where, and the requests it refused before they reached the till. */
  posApi?: { url: string; refused: Record<string, number> } | null;
}

export function diagnosticsText(d: DiagnosticsInput): string {
  const v = process.versions;
  const lines = [
    `OTTPay Till ${d.appVersion}`,
    `node ${v.node}${v.electron ? `, electron ${v.electron}` : ''}${v.chrome ? `, chrome ${v.chrome}` : ''}, ${process.platform}-${process.arch}`,
    `mode: ${d.snapshot.sandbox ? `sandbox (embedded simulator${d.simulatorUrl ? ` at ${d.simulatorUrl}` : ''})` : 'live'}`,
    `gateway: ${d.snapshot.gateway.state}${d.snapshot.gateway.message ? ` — ${d.snapshot.gateway.message}` : ''}`,
    `scanners: ${d.snapshot.scanners.map((s) => `${s.id} ${s.state}`).join(', ') || 'none'}`,
    `needs attention: ${d.snapshot.attentionCount}`,
  ];
  if (d.posApi) {
    const refused = Object.entries(d.posApi.refused).map(([why, n]) => `${why} ${n}`);
    lines.push(`pos api: ${d.posApi.url}; refused: ${refused.join(', ') || 'none'}`);
  }
  if (d.settingsIssue) lines.push(`settings: ${d.settingsIssue}`);
  lines.push(
    '',
    'settings:',
    JSON.stringify(d.snapshot.settings, null, 2),
    '',
    'recent log:',
    ...d.recentLog,
  );
  return lines.join('\n');
}

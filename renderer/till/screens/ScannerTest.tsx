import { useEffect, useState } from 'react';
import type { ScanLogEntry } from '../../../shared/contract.ts';
import { run, useTill } from '../till-context.ts';

/**
 * Live scanner test: the scanners' states, every scan the core reports (wallet codes masked) and the
 * per-key timing of the last scan, so a technician can see why a scanner is or is not recognised.
 */
export function ScannerTest() {
  const { api, tr, snapshot } = useTill();
  const [log, setLog] = useState<ScanLogEntry[]>([]);
  const [gaps, setGaps] = useState<number[]>([]);
  useEffect(
    () =>
      api.on('scanner.log', (entry) => {
        setLog((prev) => [entry, ...prev].slice(0, 10));
        void run(api, 'scanner.diagnostics', {}).then((r) => {
          if (r.ok) setGaps(r.value.lastScanTimings);
        });
      }),
    [api],
  );
  return (
    <fieldset className="scanner-test">
      <legend>{tr('settings.scanTest')}</legend>
      <ul>
        {snapshot.scanners.map((s) => (
          <li key={s.id}>
            {s.id === s.kind ? s.kind : `${s.kind} ${s.id}`}: <strong>{s.state}</strong> {s.detail ?? ''}
          </li>
        ))}
      </ul>
      <p className="scan-timing" data-testid="scan-timing">
        {gaps.length === 0
          ? tr('settings.noScanYet')
          : tr('settings.lastScan', { keys: gaps.length + 1, longest: Math.max(...gaps) })}
      </p>
      {gaps.length > 0 && <p className="mono scan-gaps">{gaps.map((g) => g.toFixed(1)).join(' · ')} ms</p>}
      <ol className="scan-log" aria-live="polite">
        {log.map((entry) => (
          <li key={`${entry.at}-${entry.shown}`}>
            {new Date(entry.at).toLocaleTimeString()} · {entry.source} · {entry.kind} ·{' '}
            <span className="mono">{entry.shown}</span>
            {entry.wallet && ` · ${entry.wallet}`}
            {entry.note && ` · ${entry.note}`}
          </li>
        ))}
      </ol>
    </fieldset>
  );
}

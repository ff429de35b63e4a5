import { useEffect, useState } from 'react';
import type { ScanLogEntry } from '../../../shared/contract.ts';
import { useTill } from '../till-context.ts';

/** Live scanner test: the scanners' states and every scan the core reports (wallet codes masked). */
export function ScannerTest() {
  const { api, tr, snapshot } = useTill();
  const [log, setLog] = useState<ScanLogEntry[]>([]);
  useEffect(() => api.on('scanner.log', (entry) => setLog((prev) => [entry, ...prev].slice(0, 10))), [api]);
  return (
    <fieldset className="scanner-test">
      <legend>{tr('settings.scanTest')}</legend>
      <ul>
        {snapshot.scanners.map((s) => (
          <li key={s.id}>
            {s.kind} {s.id}: <strong>{s.state}</strong> {s.detail ?? ''}
          </li>
        ))}
      </ul>
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

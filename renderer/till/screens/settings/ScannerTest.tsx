import { useEffect, useState } from 'react';
import type { ScanLogEntry } from '../../../../shared/contract.ts';
import { WALLETS } from '../../../../shared/domain.ts';
import { timeOfDay } from '../../../i18n/t.ts';
import { scannerDetailText } from '../../../i18n/words.ts';
import { run, useTill } from '../../till-context.ts';

/**
 * Live scanner test: the scanners' states, every scan the core reports (wallet codes masked) and the
 * per-key timing of the last scan, so a technician can see why a scanner is or is not recognised.
 */
export function ScannerTest() {
  const { api, tr, lang, snapshot } = useTill();
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
  const walletName = (wallet: string | null) => {
    const known = WALLETS.find((w) => w === wallet);
    return known ? tr(`wallet.${known}`) : wallet;
  };
  const logNote = (entry: ScanLogEntry) => {
    if (entry.outcome === 'delivered') return tr('scanLog.delivered');
    if (entry.outcome) return tr(`scanRefusal.${entry.outcome}`);
    return entry.note;
  };
  return (
    <fieldset className="scanner-test">
      <legend>{tr('settings.scanTest')}</legend>
      <ul>
        {snapshot.scanners.map((s) => (
          <li key={s.id}>
            {tr('settings.scannerName', {
              scanner:
                s.id === s.kind ? tr(`scannerKind.${s.kind}`) : `${tr(`scannerKind.${s.kind}`)} ${s.id}`,
            })}{' '}
            <strong>{tr(`scannerState.${s.state}`)}</strong> {s.detail ? scannerDetailText(tr, s.detail) : ''}
          </li>
        ))}
      </ul>
      <p className="scan-timing" data-testid="scan-timing">
        {gaps.length === 0
          ? tr('settings.noScanYet')
          : tr('settings.lastScan', { keys: gaps.length + 1, longest: Math.max(...gaps) })}
      </p>
      {gaps.length > 0 && (
        <p className="mono scan-gaps">
          {tr('settings.gaps', { gaps: gaps.map((g) => g.toFixed(1)).join(' · ') })}
        </p>
      )}
      <ol className="scan-log" aria-live="polite">
        {log.map((entry) => (
          <li key={`${entry.at}-${entry.shown}`}>
            {timeOfDay(lang, entry.at)} · {tr(`scanSource.${entry.source}`)} · {tr(`scanKind.${entry.kind}`)}{' '}
            · <span className="mono">{entry.shown}</span>
            {walletName(entry.wallet) && ` · ${walletName(entry.wallet)}`}
            {entry.note && ` · ${logNote(entry)}`}
          </li>
        ))}
      </ol>
    </fieldset>
  );
}

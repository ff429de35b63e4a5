import { useState } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { errorText } from '../../i18n/error-text.ts';
import { run, useTill } from '../till-context.ts';

/** Saves text as a file through a temporary object URL and <a download>. */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoked on the next task: the click has handed the URL to the download by then.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/** The day's journal as a CSV file for the accountant. */
export function ExportCsvButton({ date }: { date: string }) {
  const { api, tr } = useTill();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const exportCsv = async () => {
    setBusy(true);
    setError(null);
    const r = await run(api, 'report.exportCsv', { date });
    setBusy(false);
    if (!r.ok) {
      setError(errorText(tr, r.error));
      return;
    }
    downloadText(r.value.filename, r.value.csv, 'text/csv;charset=utf-8');
  };
  return (
    <>
      <button type="button" onClick={() => void exportCsv()} disabled={busy} aria-busy={busy}>
        {busy ? tr('report.exporting') : tr('report.exportCsv')}
      </button>
      <ErrorNote message={error} />
    </>
  );
}

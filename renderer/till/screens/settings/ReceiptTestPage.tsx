import { useState } from 'react';
import { ErrorNote } from '../../../components/ErrorNote.tsx';
import { run, useTill } from '../../till-context.ts';

/** The settings screen's test page: queued like any receipt; its outcome shows in the print status. */
export function ReceiptTestPage() {
  const { api, tr } = useTill();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <fieldset className="receipt-test">
      <legend>{tr('settings.groupReceipts')}</legend>
      <button
        type="button"
        data-testid="receipt-test-page"
        onClick={async () => {
          const r = await run(api, 'receipt.testPage', {});
          setError(r.ok ? null : r.error.message);
          setNotice(r.ok ? tr('receipt.queued') : null);
        }}
      >
        {tr('receipt.testPage')}
      </button>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorNote message={error} />
    </fieldset>
  );
}

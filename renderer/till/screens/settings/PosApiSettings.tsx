// The local POS API in Settings: where it listens (started with --pos-api-port), the certificate
// fingerprint a POS pins on a network address, the key (write-only, like the sign key) and whether a
// POS may refund over it.
import { useState } from 'react';
import { SaveOutcome } from '../../../components/SaveOutcome.tsx';
import { errorText } from '../../../i18n/error-text.ts';
import { run, useTill } from '../../till-context.ts';
import { PinDialog } from '../PinDialog.tsx';

export function PosApiSettings() {
  const { api, tr, settings, snapshot } = useTill();
  const status = snapshot.posApi ?? { url: null, fingerprint256: null, keySet: false };
  const [key, setKey] = useState('');
  const [refunds, setRefunds] = useState(settings.posApi.refunds);
  const [asking, setAsking] = useState<'key' | 'refunds' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const confirm = async (pin: string): Promise<string | null> => {
    const result =
      asking === 'key'
        ? await run(api, 'settings.setPosApiKey', { posApiKey: key.trim(), pin })
        : await run(api, 'settings.update', { patch: { posApi: { refunds } }, pin });
    if (!result.ok) {
      if (result.error.code === 'NOT_ALLOWED') return errorText(tr, result.error);
      setAsking(null);
      setError(errorText(tr, result.error));
      return null;
    }
    setAsking(null);
    setError(null);
    setKey('');
    setNotice(tr(asking === 'key' ? 'posApi.keySaved' : 'settings.saved'));
    return null;
  };

  return (
    <fieldset className="pos-api-settings">
      <legend>{tr('posApi.title')}</legend>
      <p data-testid="pos-api-status">
        {status.url ? tr('posApi.listening', { url: status.url }) : tr('posApi.off')}
      </p>
      {status.fingerprint256 && (
        <p>
          {tr('posApi.fingerprint')}{' '}
          <code className="fingerprint" data-testid="pos-api-fingerprint">
            {status.fingerprint256}
          </code>
        </p>
      )}
      <p>{status.keySet ? tr('posApi.keySet') : tr('posApi.keyNotSet')}</p>
      <label className="field">
        <span>{tr('posApi.key')}</span>
        <input type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />
      </label>
      <button type="button" disabled={key.trim().length < 16} onClick={() => setAsking('key')}>
        {tr('posApi.setKey')}
      </button>
      <label className="check">
        <input type="checkbox" checked={refunds} onChange={(e) => setRefunds(e.target.checked)} />
        {tr('posApi.allowRefunds')}
      </label>
      <button
        type="button"
        disabled={refunds === settings.posApi.refunds}
        onClick={() => setAsking('refunds')}
      >
        {tr('posApi.save')}
      </button>
      <SaveOutcome error={error} notice={notice} />
      {asking && (
        <PinDialog
          title={tr(asking === 'key' ? 'posApi.setKey' : 'posApi.save')}
          onConfirm={confirm}
          onClose={() => setAsking(null)}
        />
      )}
    </fieldset>
  );
}

// The local POS API in Settings: where it listens (started with --pos-api-port), the certificate
// fingerprint a POS pins on a network address, the key (write-only, like the sign key) and whether a
// POS may refund over it.
import { useState } from 'react';
import { SaveOutcome } from '../../../components/SaveOutcome.tsx';
import { run, useTill } from '../../till-context.ts';
import { useSaveWithPin } from '../../useSaveWithPin.ts';
import { PinDialog } from '../PinDialog.tsx';

export function PosApiSettings() {
  const { api, tr, settings, snapshot } = useTill();
  const status = snapshot.posApi ?? { url: null, fingerprint256: null, keySet: false };
  const [key, setKey] = useState('');
  const [refunds, setRefunds] = useState(settings.posApi.refunds);
  const save = useSaveWithPin<'key' | 'refunds'>();
  // Either save empties the key field: the key is write-only.
  const confirm = {
    key: save.confirm(
      (pin) => run(api, 'settings.setPosApiKey', { posApiKey: key.trim(), pin }),
      () => {
        setKey('');
        return tr('posApi.keySaved');
      },
    ),
    refunds: save.confirm(
      (pin) => run(api, 'settings.update', { patch: { posApi: { refunds } }, pin }),
      () => {
        setKey('');
        return tr('settings.saved');
      },
    ),
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
      <button type="button" disabled={key.trim().length < 16} onClick={() => save.ask('key')}>
        {tr('posApi.setKey')}
      </button>
      <label className="check">
        <input type="checkbox" checked={refunds} onChange={(e) => setRefunds(e.target.checked)} />
        {tr('posApi.allowRefunds')}
      </label>
      <button
        type="button"
        disabled={refunds === settings.posApi.refunds}
        onClick={() => save.ask('refunds')}
      >
        {tr('posApi.save')}
      </button>
      <SaveOutcome {...save.outcome} />
      {save.asking && (
        <PinDialog
          title={tr(save.asking === 'key' ? 'posApi.setKey' : 'posApi.save')}
          onConfirm={confirm[save.asking]}
          onClose={save.cancel}
        />
      )}
    </fieldset>
  );
}

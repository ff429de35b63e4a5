// Settings for shipping the journal to the chain's central PostgreSQL: URL (no password), store id,
// when to warn; the password is write-only (like the sign key). Below, what the agent is doing now.
import { useState } from 'react';
import { SaveOutcome } from '../../../components/SaveOutcome.tsx';
import type { MessageKey } from '../../../i18n/t.ts';
import { dateTime } from '../../../i18n/t.ts';
import { plural } from '../../../i18n/words.ts';
import { run, useTill } from '../../till-context.ts';
import { useSaveWithPin } from '../../useSaveWithPin.ts';
import { PinDialog } from '../PinDialog.tsx';

export function StoreSyncSettings() {
  const { api, tr, settings, snapshot, lang } = useTill();
  const s = snapshot.storeSync;
  const [url, setUrl] = useState(settings.storeSync.url);
  const [storeId, setStoreId] = useState(settings.storeSync.storeId);
  const [stale, setStale] = useState(String(settings.storeSync.staleMinutes));
  const [password, setPassword] = useState('');
  const [clientKey, setClientKey] = useState('');
  const save = useSaveWithPin<'settings' | 'password' | 'clientKey'>();
  // Every save empties the secret fields: the password and the client key are write-only.
  const secretsCleared = (notice: MessageKey) => () => {
    setPassword('');
    setClientKey('');
    return tr(notice);
  };
  const confirm = {
    settings: save.confirm(
      (pin) =>
        run(api, 'settings.update', {
          patch: { storeSync: { url: url.trim(), storeId: storeId.trim(), staleMinutes: Number(stale) } },
          pin,
        }),
      secretsCleared('settings.saved'),
    ),
    password: save.confirm(
      (pin) => run(api, 'settings.setStoreCredentials', { password, pin }),
      secretsCleared('sync.passwordSet'),
    ),
    clientKey: save.confirm(
      (pin) => run(api, 'settings.setStoreCredentials', { clientKey: clientKey.trim(), pin }),
      secretsCleared('settings.saved'),
    ),
  };

  return (
    <fieldset className="store-sync">
      <legend>{tr('sync.title')}</legend>
      <label className="field">
        <span>{tr('sync.url')}</span>
        <input value={url} inputMode="url" onChange={(e) => setUrl(e.target.value)} />
      </label>
      <label className="field">
        <span>{tr('sync.storeId')}</span>
        <input value={storeId} onChange={(e) => setStoreId(e.target.value)} />
      </label>
      <label className="field">
        <span>{tr('sync.staleMinutes')}</span>
        <input
          value={stale}
          inputMode="numeric"
          onChange={(e) => setStale(e.target.value.replace(/\D/g, ''))}
        />
      </label>
      <button type="button" onClick={() => save.ask('settings')}>
        {tr('sync.save')}
      </button>
      <p>{s.passwordSet ? tr('sync.passwordSet') : tr('sync.passwordNotSet')}</p>
      <label className="field">
        <span>{tr('sync.password')}</span>
        <input
          type="password"
          autoComplete="off"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <button type="button" disabled={password === ''} onClick={() => save.ask('password')}>
        {tr('sync.savePassword')}
      </button>
      <label className="field">
        <span>{tr('sync.clientKey')}</span>
        <textarea
          autoComplete="off"
          spellCheck={false}
          rows={3}
          value={clientKey}
          onChange={(e) => setClientKey(e.target.value)}
        />
      </label>
      <button type="button" disabled={clientKey.trim() === ''} onClick={() => save.ask('clientKey')}>
        {tr('sync.saveClientKey')}
      </button>
      <div className="sync-status" data-testid="sync-status">
        <p>{tr(`sync.state.${s.state}`)}</p>
        {s.state !== 'off' && s.state !== 'sandbox' && (
          <>
            <p>
              {tr('sync.lastShipped', {
                when: s.lastShippedAt ? dateTime(lang, s.lastShippedAt) : tr('store.never'),
                seq: s.lastShippedSeq,
              })}
            </p>
            {s.pendingEvents > 0 && (
              <p className={s.stale ? 'sync-bad' : ''}>
                {plural(tr, lang, 'sync.pending', s.pendingEvents, {
                  minutes: Math.floor((s.lagMs ?? 0) / 60_000),
                })}
              </p>
            )}
            {s.lastError && <p className="sync-bad">{tr('sync.lastError', { message: s.lastError })}</p>}
          </>
        )}
      </div>
      <SaveOutcome {...save.outcome} />
      {save.asking && (
        <PinDialog title={tr('pin.title')} onConfirm={confirm[save.asking]} onClose={save.cancel} />
      )}
    </fieldset>
  );
}

// Settings → About: this till's version, where it looks for updates (feed, channel: editable behind
// the supervisor PIN), the last check and what it said, "Check now", and a supervisor's "Install now"
// (which waits for an idle till). The detail lines are the core's own words, as in the log, for
// whoever answers the shop's phone.
import { useState } from 'react';
import type { UpdateChannel, UpdateStatus } from '../../../../shared/updates/update-status.ts';
import { UPDATE_CHANNELS } from '../../../../shared/updates/update-status.ts';
import { SaveOutcome } from '../../../components/SaveOutcome.tsx';
import { errorText } from '../../../i18n/error-text.ts';
import { dateTime } from '../../../i18n/t.ts';
import { run, useTill } from '../../till-context.ts';
import { PinDialog } from '../PinDialog.tsx';

export function AboutUpdates() {
  const { api, tr, settings, snapshot, lang } = useTill();
  const status: UpdateStatus | undefined = snapshot.updates;
  const [feedUrl, setFeedUrl] = useState(settings.updates.feedUrl);
  const [channel, setChannel] = useState<UpdateChannel>(settings.updates.channel);
  const [asking, setAsking] = useState<'save' | 'install' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const confirm = async (pin: string): Promise<string | null> => {
    if (asking === 'install') {
      const r = await run(api, 'updates.install', { pin });
      if (!r.ok) {
        if (r.error.code === 'NOT_ALLOWED') return errorText(tr, r.error);
        setError(errorText(tr, r.error));
      } else {
        setError(null);
        setNotice(
          r.value.started
            ? tr('updates.installing')
            : tr(`updates.waiting.${r.value.waitingFor ?? 'nothing-ready'}`),
        );
      }
      setAsking(null);
      return null;
    }
    const r = await run(api, 'settings.update', {
      patch: { updates: { feedUrl: feedUrl.trim(), channel } },
      pin,
    });
    if (!r.ok) {
      if (r.error.code === 'NOT_ALLOWED') return errorText(tr, r.error);
      setError(errorText(tr, r.error));
    } else {
      setError(null);
      setNotice(tr('settings.saved'));
    }
    setAsking(null);
    return null;
  };

  const checkNow = async () => {
    setChecking(true);
    const r = await run(api, 'updates.check', {});
    setChecking(false);
    setError(r.ok ? null : errorText(tr, r.error));
  };

  return (
    <fieldset className="about-updates" data-testid="about-updates">
      <legend>{tr('updates.title')}</legend>
      {status ? (
        <>
          <p>{tr('updates.version', { version: status.currentVersion })}</p>
          <p>{tr(`updates.phase.${status.phase}`, { version: status.offeredVersion ?? '' })}</p>
          <p>
            {status.lastCheckAt === null
              ? tr('updates.neverChecked')
              : tr('updates.lastCheck', { when: dateTime(lang, status.lastCheckAt) })}
          </p>
          {status.lastResult && (
            <p className="detail">
              <code>{status.lastResult}</code>
            </p>
          )}
          {status.installNote && (
            <p className="detail" data-testid="update-install-note">
              <code>{status.installNote}</code>
            </p>
          )}
          {status.feedUrl !== settings.updates.feedUrl && status.feedUrl !== '' && (
            <p>
              {tr('updates.feedFromStart')} <code>{status.feedUrl}</code>
            </p>
          )}
          <div className="pair">
            <button
              type="button"
              disabled={checking || status.phase === 'off'}
              onClick={() => void checkNow()}
            >
              {tr('updates.checkNow')}
            </button>
            <button type="button" disabled={status.phase !== 'ready'} onClick={() => setAsking('install')}>
              {tr('updates.installNow')}
            </button>
          </div>
        </>
      ) : (
        <p>{tr('updates.desktopOnly')}</p>
      )}
      <label className="field">
        <span>{tr('updates.feedUrl')}</span>
        <input value={feedUrl} inputMode="url" onChange={(e) => setFeedUrl(e.target.value)} />
      </label>
      <label className="field">
        <span>{tr('updates.channel')}</span>
        <select value={channel} onChange={(e) => setChannel(e.target.value as UpdateChannel)}>
          {UPDATE_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {tr(`updates.channel.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => setAsking('save')}>
        {tr('updates.save')}
      </button>
      <SaveOutcome error={error} notice={notice} />
      {asking && <PinDialog title={tr('pin.title')} onConfirm={confirm} onClose={() => setAsking(null)} />}
    </fieldset>
  );
}

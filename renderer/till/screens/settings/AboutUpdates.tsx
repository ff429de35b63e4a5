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
import { useSaveWithPin } from '../../useSaveWithPin.ts';
import { PinDialog } from '../PinDialog.tsx';

export function AboutUpdates() {
  const { api, tr, settings, snapshot, lang } = useTill();
  const status: UpdateStatus | undefined = snapshot.updates;
  const [feedUrl, setFeedUrl] = useState(settings.updates.feedUrl);
  const [channel, setChannel] = useState<UpdateChannel>(settings.updates.channel);
  const save = useSaveWithPin<'save' | 'install'>();
  const [checking, setChecking] = useState(false);

  const confirm = {
    save: save.confirm(
      (pin) => run(api, 'settings.update', { patch: { updates: { feedUrl: feedUrl.trim(), channel } }, pin }),
      () => tr('settings.saved'),
    ),
    install: save.confirm(
      (pin) => run(api, 'updates.install', { pin }),
      (answer) =>
        answer.started
          ? tr('updates.installing')
          : tr(`updates.waiting.${answer.waitingFor ?? 'nothing-ready'}`),
    ),
  };

  const checkNow = async () => {
    setChecking(true);
    const r = await run(api, 'updates.check', {});
    setChecking(false);
    save.setError(r.ok ? null : errorText(tr, r.error));
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
            <button type="button" disabled={status.phase !== 'ready'} onClick={() => save.ask('install')}>
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
      <button type="button" onClick={() => save.ask('save')}>
        {tr('updates.save')}
      </button>
      <SaveOutcome {...save.outcome} />
      {save.asking && (
        <PinDialog title={tr('pin.title')} onConfirm={confirm[save.asking]} onClose={save.cancel} />
      )}
    </fieldset>
  );
}

// The till settings form's state: the draft of every field, which field the core refused, whether the
// last save went through, and the one save of them all, as one patch, with the supervisor PIN.
import { useState } from 'react';
import { run, useTill } from '../../till-context.ts';
import { useSaveWithPin } from '../../useSaveWithPin.ts';
import { draftOf, FIELDS, patchOf, refusedField, type SettingsDraft } from './settings-draft.ts';

/** What each group of fields needs: the draft, a setter, and which field the core refused. */
export interface DraftForm {
  draft: SettingsDraft;
  set: <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => void;
  /** aria-invalid for the field at this settings path, when it is the one the core refused. */
  invalid: (path: string) => true | undefined;
}

export function useSettingsForm() {
  const { api, tr, settings } = useTill();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [invalidPath, setInvalidPath] = useState<string | null>(null);
  // A flag, not text: a save that switches the operator language shows the notice in the new one.
  const [saved, setSaved] = useState(false);
  const save = useSaveWithPin({
    // A wrong PIN is for the dialog; a refused value belongs next to the form.
    staysInDialog: (error) => error.code !== 'VALIDATION',
    onRefused: ({ message }) => {
      const refused = refusedField(message);
      const label = refused && FIELDS.find((f) => f.path === refused.path)?.label;
      setInvalidPath(refused?.path ?? null);
      return tr('settings.saveFailed', {
        message: refused && label ? `${tr(label)}: ${refused.reason}` : message,
      });
    },
  });

  const form: DraftForm = {
    draft,
    set: (key, value) => {
      setSaved(false);
      setDraft((d) => ({ ...d, [key]: value }));
    },
    invalid: (path) => (invalidPath === path ? true : undefined),
  };

  /** The form's Save: a draft that cannot become a patch is refused here, before any PIN is asked. */
  const submit = () => {
    const built = patchOf(settings, draft);
    if ('error' in built) return save.setError(tr('settings.saveFailed', { message: built.error }));
    save.setError(null);
    setInvalidPath(null);
    setSaved(false);
    save.ask('save');
  };

  const confirm = save.confirm(
    async (pin) => {
      const built = patchOf(settings, draft);
      if ('error' in built) return built.error;
      return run(api, 'settings.update', { patch: built.patch, pin });
    },
    (value) => {
      setDraft(draftOf(value));
      setInvalidPath(null);
      setSaved(true);
      return null;
    },
  );

  return {
    form,
    submit,
    outcome: { error: save.outcome.error, notice: saved ? tr('settings.saved') : null },
    /** The PIN dialog's handlers while the save waits for the PIN. */
    dialog: save.asking ? { onConfirm: confirm, onClose: save.cancel } : null,
  };
}

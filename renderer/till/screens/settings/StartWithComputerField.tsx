// "Start with the computer" (desktop app): the till opens when the computer starts — in kiosk mode by
// default, always, or never. The shell writes the login item / autostart entry (electron/main/autostart.ts).
import type { PublicSettings } from '../../../../shared/domain.ts';
import { useTill } from '../../till-context.ts';
import { Field } from './Field.tsx';

type Choice = PublicSettings['startWithComputer'];
const CHOICES: readonly Choice[] = ['kiosk', 'on', 'off'];

export function StartWithComputerField({
  value,
  onChange,
}: {
  value: Choice;
  onChange: (v: Choice) => void;
}) {
  const { tr } = useTill();
  return (
    <>
      <Field label={tr('settings.startWithComputer')}>
        <select
          data-testid="start-with-computer"
          value={value}
          onChange={(e) => onChange(e.target.value as Choice)}
        >
          {CHOICES.map((c) => (
            <option key={c} value={c}>
              {tr(`startWithComputer.${c}`)}
            </option>
          ))}
        </select>
      </Field>
      <p className="hint">{tr('startWithComputer.hint')}</p>
    </>
  );
}

import { parseAmount, tipFromPercent } from '../../../shared/money.ts';
import { useAutoFocus } from '../../components/useAutoFocus.ts';
import { cleanAmountText } from '../amount-text.ts';
import { useTill } from '../till-context.ts';

export type TipChoice =
  | { kind: 'none' }
  | { kind: 'percent'; percent: number }
  | { kind: 'custom'; text: string };

/** Tip in cents for a choice; a custom tip that does not parse counts as invalid (null). */
export function tipCents(choice: TipChoice, amountCents: number): number | null {
  if (choice.kind === 'none') return 0;
  if (choice.kind === 'percent') return tipFromPercent(amountCents, choice.percent);
  if (choice.text.trim() === '') return 0;
  const parsed = parseAmount(choice.text);
  return parsed.ok ? parsed.cents : null;
}

export function TipPicker({ value, onChange }: { value: TipChoice; onChange: (next: TipChoice) => void }) {
  const { tr, settings } = useTill();
  return (
    <fieldset className="tip-picker">
      <legend>{tr('tip.label')}</legend>
      <button type="button" aria-pressed={value.kind === 'none'} onClick={() => onChange({ kind: 'none' })}>
        {tr('tip.none')}
      </button>
      {settings.tipPresetsPercent.map((percent) => (
        <button
          key={percent}
          type="button"
          aria-pressed={value.kind === 'percent' && value.percent === percent}
          onClick={() => onChange({ kind: 'percent', percent })}
        >
          {percent}%
        </button>
      ))}
      <button
        type="button"
        aria-pressed={value.kind === 'custom'}
        onClick={() => onChange({ kind: 'custom', text: '' })}
      >
        {tr('tip.custom')}
      </button>
      {value.kind === 'custom' && (
        <CustomTip
          label={tr('tip.customLabel')}
          text={value.text}
          onText={(text) => onChange({ kind: 'custom', text })}
        />
      )}
    </fieldset>
  );
}

/** The custom tip's field takes focus when it appears: the cashier chose it to type a tip. */
function CustomTip({ label, text, onText }: { label: string; text: string; onText: (t: string) => void }) {
  const input = useAutoFocus<HTMLInputElement>();
  return (
    <input
      ref={input}
      className="tip-custom"
      aria-label={label}
      inputMode="decimal"
      autoComplete="off"
      value={text}
      onChange={(e) => onText(cleanAmountText(e.target.value))}
    />
  );
}

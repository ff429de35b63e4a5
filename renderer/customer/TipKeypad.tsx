// Digits on the screen for the customer's own tip amount (issue 21). The Electron customer window never
// keeps focus (the till's scanner types into the till), so neither a keyboard nor the system's touch
// keyboard reaches it: the customer taps the amount here, on a touch monitor as on a tablet.
import type { Language } from '../../shared/domain.ts';
import { t } from '../i18n/t.ts';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '0', 'back'] as const;

export function TipKeypad(props: { lang: Language; value: string; onChange(value: string): void }) {
  const press = (key: (typeof KEYS)[number]) => {
    if (key === 'back') return props.onChange(props.value.slice(0, -1));
    if (key === '.' && props.value.includes('.')) return;
    if (props.value.length >= 9) return;
    props.onChange(props.value + key);
  };
  return (
    <div className="customer-tip-keypad" data-testid="customer-tip-keypad">
      {KEYS.map((key) => (
        <button
          key={key}
          type="button"
          className="customer-tip-key"
          aria-label={key === 'back' ? t(props.lang, 'customerTip.deleteDigit') : undefined}
          onClick={() => press(key)}
        >
          {key === 'back' ? '⌫' : key}
        </button>
      ))}
    </div>
  );
}

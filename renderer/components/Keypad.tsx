// On-screen keypad: it only emits keys; the amount text is parsed by shared/money.ts.
const KEYS = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '00', '0', '.'] as const;

export type KeypadKey = (typeof KEYS)[number] | 'back' | 'clear';

export function Keypad(props: { onKey: (key: KeypadKey) => void; backLabel: string; clearLabel: string }) {
  return (
    <div className="keypad">
      {KEYS.map((key) => (
        <button
          key={key}
          type="button"
          tabIndex={-1}
          onMouseDown={keepFocus}
          onClick={() => props.onKey(key)}
        >
          {key}
        </button>
      ))}
      <button
        type="button"
        tabIndex={-1}
        onMouseDown={keepFocus}
        aria-label={props.backLabel}
        onClick={() => props.onKey('back')}
      >
        ⌫
      </button>
      <button
        type="button"
        tabIndex={-1}
        onMouseDown={keepFocus}
        className="keypad-clear"
        onClick={() => props.onKey('clear')}
      >
        {props.clearLabel}
      </button>
    </div>
  );
}

/** Keypad presses must not steal focus from the amount field (physical keys keep working). */
function keepFocus(event: { preventDefault: () => void }): void {
  event.preventDefault();
}

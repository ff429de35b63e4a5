import type { Ref } from 'react';

/** A PIN field: hidden digits, a numeric keypad on touch screens, nothing but 0–9, at most 8. */
export function PinInput(props: {
  id: string;
  value: string;
  onChange: (pin: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}) {
  return (
    <input
      id={props.id}
      type="password"
      inputMode="numeric"
      autoComplete="off"
      ref={props.inputRef}
      maxLength={8}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value.replace(/\D/g, ''))}
    />
  );
}

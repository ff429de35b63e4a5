// One labelled setting: the label wraps its control, so a click on the words reaches the control.
import type { ReactNode } from 'react';

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child, so the label wraps it
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}

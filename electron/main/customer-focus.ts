// The customer display never takes focus. A keyboard-wedge scanner types into whatever window has
// focus, and only the till page reads scans; `win.show()` focuses the window it shows (Windows,
// Linux), so the customer window is shown with `showInactive()` on every path that opens it (window
// mode, second-screen with one display, displays added or removed), and if anything focuses it
// anyway (a click, the window manager) focus goes straight back to the till.

/** The parts of BrowserWindow this needs. */
export interface FocusableWindow {
  showInactive(): void;
  focus(): void;
  isDestroyed(): boolean;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'focus', listener: () => void): unknown;
}

export function keepCustomerUnfocused(customer: FocusableWindow, till: FocusableWindow): void {
  const backToTill = () => {
    if (!till.isDestroyed()) till.focus();
  };
  customer.once('ready-to-show', () => {
    if (customer.isDestroyed()) return;
    customer.showInactive();
    backToTill();
  });
  customer.on('focus', backToTill);
}

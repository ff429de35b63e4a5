// A pay action must charge the amount the cashier typed and saw, so before it reads the amount it
// asks the page's wedge detector to settle every key it still holds (they go to the field first).
// One detector per page: useWedgeScanner registers its flush here while it runs.

let settle: (() => void) | null = null;

export function registerHeldKeySettler(fn: () => void): () => void {
  settle = fn;
  return () => {
    if (settle === fn) settle = null;
  };
}

/** Puts every held typed key in its field now (synchronously; React has rendered them on return). */
export function settleHeldKeys(): void {
  settle?.();
}

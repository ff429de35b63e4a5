import { useEffect, useRef } from 'react';

/** Focuses the element once when it mounts (the field the cashier types into next). */
export function useAutoFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

import { useWindowKey } from '../components/useWindowKey.ts';
import { useCommandOnce } from './useCommandOnce.ts';

/** Cancel the live attempt (button or Esc). The core keeps resolving it with OTTPay afterwards. */
export function useCancel(): { cancel: () => void; error: string | null; busy: boolean } {
  const { start: cancel, error, busy } = useCommandOnce('sale.cancel');
  useWindowKey((event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      cancel();
    }
  });
  return { cancel, error, busy };
}

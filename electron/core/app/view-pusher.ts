// Pushes the customer view when it changed, and again when it changes by itself (the QR expiring),
// on the injected clock.
import type { CustomerView, SaleView } from '../../../shared/domain.ts';
import type { Clock, TimerHandle } from '../clock.ts';
import { nextProjectionChange, sameView } from './customer-projection.ts';

export interface ViewPusher {
  push(): void;
  stop(): void;
}

export function createViewPusher(
  clock: Clock,
  view: () => CustomerView,
  sale: () => SaleView | null,
  emit: (view: CustomerView) => void,
): ViewPusher {
  let last: CustomerView | null = null;
  let timer: TimerHandle | null = null;
  let stopped = false;
  const clear = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };
  const push = () => {
    if (stopped) return;
    const next = view();
    if (last === null || !sameView(next, last)) emit(next);
    last = next;
    clear();
    const at = nextProjectionChange(sale(), clock.now());
    if (at !== null) timer = clock.setTimeout(push, at - clock.now() + 1);
  };
  return {
    push,
    stop() {
      stopped = true;
      clear();
    },
  };
}

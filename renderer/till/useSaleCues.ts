import { useEffect, useRef } from 'react';
import type { SaleView } from '../../shared/domain.ts';
import { playCue } from '../sounds/beeps.ts';

/** Beeps once when the sale turns paid or failed (not again on every snapshot). */
export function useSaleCues(sale: SaleView | null, soundsOn: boolean): void {
  const last = useRef<string | null>(null);
  useEffect(() => {
    const phase = sale?.phase;
    const key = sale ? `${sale.attempt?.attemptId ?? ''}:${phase}` : null;
    if (key === last.current) return;
    const first = last.current === null;
    last.current = key;
    if (first) return;
    if (phase === 'paid') playCue('success', soundsOn);
    else if (phase === 'failed') playCue('failure', soundsOn);
  }, [sale, soundsOn]);
}

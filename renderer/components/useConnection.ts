import { useEffect, useState } from 'react';
import type { ConnectionState } from '../../shared/contract.ts';

/** The page's link to the till, where the transport can tell (always "open" otherwise). */
export function useConnection(api: {
  onConnection?: (listener: (state: ConnectionState) => void) => () => void;
}): ConnectionState {
  const [state, setState] = useState<ConnectionState>('open');
  useEffect(() => api.onConnection?.(setState), [api]);
  return state;
}

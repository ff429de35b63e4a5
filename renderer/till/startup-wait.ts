// What a till that has just started is still waiting for: the network (the OTTPay gateway not reached
// yet) and the serial scanner (its port not there yet: a PC started with the computer is often faster
// than its network and USB devices). Both are retried by the core on their own; the page only says so.
// Once both have been there, the start is over: later outages have their own banners.
import type { TillSnapshot } from '../../shared/domain.ts';

export type StartupWait = 'network' | 'scanner';

export function startupWaits(snapshot: Pick<TillSnapshot, 'gateway' | 'scanners'>): StartupWait[] {
  const waits: StartupWait[] = [];
  if (snapshot.gateway.state !== 'up') waits.push('network');
  if (snapshot.scanners.some((s) => s.kind === 'serial' && s.state === 'reconnecting')) waits.push('scanner');
  return waits;
}

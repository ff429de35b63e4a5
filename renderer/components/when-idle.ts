// Work the first screen does not need (opening the audio device, decoding the speech clips, fonts of
// screens not shown yet) waits until the browser is idle after painting, so it never holds back a
// frame: opening the audio device alone blocks the page for most of a second on some machines.
// `timeoutMs` bounds the wait on a page that is never idle.
export function whenIdle(fn: () => void, timeoutMs = 2000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => fn(), { timeout: timeoutMs });
  else setTimeout(fn, 0);
}

// The time rules the crash harness's payment child and its gateway share. The child believes "no such
// order" only NOT_FOUND_GRACE_MS after a request was journaled as sent; the harness's gateway acts on a
// pay or refund request only within GATEWAY_TIMEOUT_MS of that time and drops older ones unread (a
// network that lost them), so nothing reaches it after the grace — the premise the till's rule rests
// on, which a real OTTPay keeps with the till's 20 s timeout against its 60 s grace.
export const GATEWAY_TIMEOUT_MS = 600;
export const NOT_FOUND_GRACE_MS = 800;

/** For the simulator's `delivers`: false for a pay or refund request older than the child's timeout. */
export function deliveredInTime(url: string, now = Date.now()): boolean {
  const sentAt = /[?&]sentAt=(\d+)/.exec(url);
  return !sentAt || now - Number(sentAt[1]) <= GATEWAY_TIMEOUT_MS;
}

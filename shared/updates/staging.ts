// Staged rollouts (`stagingPercentage` in the feed): a till takes the update when its place in the
// rollout is below the percentage. The place comes from the till's own id (meta.till_id, 32 hex
// digits), read the way electron-updater reads its staging id (the last four bytes of the UUID as an
// unsigned big-endian number over 0xffffffff), so a till's place is stable across restarts and the
// same tills go first every time the vendor widens the rollout.

/** The till's place in a rollout, in [0, 1]; null when the id is not 32 hex digits. */
export function rolloutPlace(tillId: string): number | null {
  if (!/^[0-9a-f]{32}$/i.test(tillId)) return null;
  return Number.parseInt(tillId.slice(24, 32), 16) / 0xffffffff;
}

/**
 * Whether this till is in the rollout. No percentage (or one that is not a number) means everyone,
 * as in electron-updater; a till without a usable id waits for the full rollout rather than guess.
 */
export function inRollout(tillId: string, stagingPercentage: number | undefined): boolean {
  if (stagingPercentage === undefined || !Number.isFinite(stagingPercentage)) return true;
  if (stagingPercentage >= 100) return true;
  const place = rolloutPlace(tillId);
  if (place === null) return false;
  return place < stagingPercentage / 100;
}

// One numbered schema step. `sql` runs inside the migration's transaction, with user_version set to
// `version` in that same transaction, so a crash leaves either the old schema or the new one.
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Also run on the copy taken before migrating (user_version left alone): for a migration that removes
   * what no copy should keep. Its SQL must be safe to run again when the copy is migrated later.
   */
  alsoOnBackup?: boolean;
}

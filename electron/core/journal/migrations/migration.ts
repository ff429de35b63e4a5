// One numbered schema step. `sql` runs inside the migration's transaction, with user_version set to
// `version` in that same transaction, so a crash leaves either the old schema or the new one.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// One numbered step of the central schema. Each runs in its own transaction with its row in
// pos.schema_migrations, so a crash leaves the old schema or the new one. Steps are additive (new
// tables, columns, indexes): a till that knows fewer steps keeps shipping to a newer schema.
export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

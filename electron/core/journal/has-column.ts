// Whether a table has a column: the repositories write the staff columns only where the schema has
// them, since tests of older schema steps build their journals through these same repositories.
import type { Db } from './open-journal.ts';

export function hasColumn(db: Db, table: string, column: string): boolean {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).some(
    (c) => c.name === column,
  );
}

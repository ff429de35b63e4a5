// Sales: what the customer owes; attempts hang off a sale.
import type { Db } from './open-journal.ts';
import type { SaleRow } from './rows.ts';

const COLUMNS = `sale_id AS saleId, amount_cents AS amountCents, tip_cents AS tipCents, currency,
  operator_id AS operatorId, terminal_no AS terminalNo, created_at AS createdAt, updated_at AS updatedAt,
  closed_at AS closedAt`;

export function createSalesRepo(db: Db) {
  const insert =
    db.prepare(`INSERT INTO sales (sale_id, amount_cents, tip_cents, currency, operator_id, terminal_no,
    created_at, updated_at, closed_at) VALUES (@saleId, @amountCents, @tipCents, @currency, @operatorId, @terminalNo,
    @createdAt, @updatedAt, @closedAt)`);
  const update = db.prepare(`UPDATE sales SET amount_cents = @amountCents, tip_cents = @tipCents,
    updated_at = @updatedAt, closed_at = @closedAt WHERE sale_id = @saleId`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM sales WHERE sale_id = ?`);
  const newestOpen = db.prepare(
    `SELECT ${COLUMNS} FROM sales WHERE closed_at IS NULL AND terminal_no = ? ORDER BY created_at DESC, sale_id DESC LIMIT 1`,
  );
  const newestId = db.prepare('SELECT max(sale_id) AS id FROM sales WHERE terminal_no = ?');

  return {
    insert(row: SaleRow): void {
      insert.run(row);
    },
    update(row: SaleRow): void {
      if (update.run(row).changes !== 1) throw new Error(`sale ${row.saleId} is not in the journal`);
    },
    get(saleId: string): SaleRow | null {
      return (byId.get(saleId) as SaleRow | undefined) ?? null;
    },
    newestOpen(terminalNo: string): SaleRow | null {
      return (newestOpen.get(terminalNo) as SaleRow | undefined) ?? null;
    },
    newestId(terminalNo: string): string | null {
      return (newestId.get(terminalNo) as { id: string | null }).id;
    },
  };
}

export type SalesRepo = ReturnType<typeof createSalesRepo>;

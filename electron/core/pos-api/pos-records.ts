// The POS API's rows in the journal (schema 9): which sale a POS payment's idempotency key made, and
// which refund a refund key made. Inserted only inside the engine's own transaction (journalWith), so
// the key, the sale and the attempt commit together or not at all.
import type { Db } from '../journal/open-journal.ts';

export type PosMethod = 'WECHATPAY' | 'ALIPAY' | 'UNIONPAY' | 'SCAN';

export interface PosPaymentRecord {
  saleId: string;
  idemKey: string;
  requestHash: string;
  method: PosMethod;
  reference: string | null;
  createdAt: number;
}

export interface PosRefundRecord {
  idemKey: string;
  requestHash: string;
  saleId: string;
  refundId: string;
  createdAt: number;
}

interface RawPayment {
  sale_id: string;
  idem_key: string;
  request_hash: string;
  method: PosMethod;
  reference: string | null;
  created_at: number;
}

const fromRaw = (r: RawPayment): PosPaymentRecord => ({
  saleId: r.sale_id,
  idemKey: r.idem_key,
  requestHash: r.request_hash,
  method: r.method,
  reference: r.reference,
  createdAt: r.created_at,
});

export function createPosRecords(db: Db) {
  const insertPayment = db.prepare(`INSERT INTO pos_payments
    (sale_id, idem_key, request_hash, method, reference, created_at)
    VALUES (@saleId, @idemKey, @requestHash, @method, @reference, @createdAt)`);
  const byKey = db.prepare('SELECT * FROM pos_payments WHERE idem_key = ?');
  const bySale = db.prepare('SELECT * FROM pos_payments WHERE sale_id = ?');
  const insertRefund =
    db.prepare(`INSERT INTO pos_refunds (idem_key, request_hash, sale_id, refund_id, created_at)
    VALUES (@idemKey, @requestHash, @saleId, @refundId, @createdAt)`);
  const refundByKey = db.prepare('SELECT * FROM pos_refunds WHERE idem_key = ?');
  return {
    insertPayment(r: PosPaymentRecord): void {
      insertPayment.run(r);
    },
    paymentByKey(idemKey: string): PosPaymentRecord | null {
      const r = byKey.get(idemKey) as RawPayment | undefined;
      return r ? fromRaw(r) : null;
    },
    paymentBySale(saleId: string): PosPaymentRecord | null {
      const r = bySale.get(saleId) as RawPayment | undefined;
      return r ? fromRaw(r) : null;
    },
    insertRefund(r: PosRefundRecord): void {
      insertRefund.run(r);
    },
    refundByKey(idemKey: string): PosRefundRecord | null {
      const r = refundByKey.get(idemKey) as
        | { idem_key: string; request_hash: string; sale_id: string; refund_id: string; created_at: number }
        | undefined;
      return r
        ? {
            idemKey: r.idem_key,
            requestHash: r.request_hash,
            saleId: r.sale_id,
            refundId: r.refund_id,
            createdAt: r.created_at,
          }
        : null;
    },
  };
}

export type PosRecords = ReturnType<typeof createPosRecords>;

const cache = new WeakMap<Db, PosRecords>();

/** The records over this journal's database (the payments stack, and so the journal, may be rebuilt). */
export function posRecordsOf(db: Db): PosRecords {
  let r = cache.get(db);
  if (!r) {
    r = createPosRecords(db);
    cache.set(db, r);
  }
  return r;
}

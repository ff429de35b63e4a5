// A till data folder holding real journal rows of a paid payment (through today's migrations), with the
// gateway's paid event carrying the CNY facts STATUS_QUERY reports, and optionally a refund.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SANDBOX_JOURNAL_FILE } from '../../electron/core/app/payment-stack.ts';
import { defaultSettings, type StoredSettings } from '../../electron/core/config/defaults.ts';
import { createJournal } from '../../electron/core/journal/journal.ts';
import { openJournal } from '../../electron/core/journal/open-journal.ts';
import { attemptRow } from './attempt-row.ts';

export const PAID_AT = Date.UTC(2026, 10, 30, 18, 5, 9);

export interface PaidFixture {
  attemptId: string;
  orderId: string;
  refundOrderId: string | null;
}

export function writePaidJournal(
  dataDir: string,
  opts: { orderId?: string; refundCents?: number; settings?: Partial<StoredSettings> } = {},
): PaidFixture {
  const orderId = opts.orderId ?? 'MIG0A1B2C3D4E1';
  const settings = {
    ...defaultSettings(),
    shop: { name: 'Café Lumière', address: '123 rue Saint-Denis, Montréal', phone: '514-555-0199' },
    ...opts.settings,
  };
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(settings));
  const handle = openJournal({ path: join(dataDir, SANDBOX_JOURNAL_FILE) });
  const j = createJournal(handle.db);
  const attemptId = `A${orderId}`;
  let refundOrderId: string | null = null;
  j.write(() => {
    handle.db.exec(
      `INSERT INTO sales VALUES ('S${orderId}', 1190, 100, 'CAD', '0000000001', '1', ${PAID_AT - 60_000}, ${PAID_AT}, ${PAID_AT})`,
    );
    j.attempts.insert(
      attemptRow(orderId, PAID_AT - 60_000, {
        attemptId,
        saleId: `S${orderId}`,
        amountCents: 1190,
        tipCents: 100,
        state: 'paid',
        gatewaySeen: true,
        walletTxnId: '4200001234567890123',
        terminalNo: '1',
        updatedAt: PAID_AT,
        submittedAt: PAID_AT - 59_000,
        paidAt: PAID_AT,
        refundedCents: opts.refundCents ?? 0,
      }),
    );
    j.events.append({
      at: PAID_AT,
      entity: 'attempt',
      entityId: attemptId,
      type: 'attempt.gateway_paid',
      cause: 'query',
      fromState: 'awaiting_customer',
      toState: 'paid',
      detail: {
        event: 'GATEWAY_PAID',
        status: 'success',
        exchangeRate: '5.1987',
        receiveAmountCents: 1290,
        payAmountFen: 6706,
      },
    });
    if (opts.refundCents) {
      refundOrderId = `R${orderId.slice(1)}`;
      j.refunds.insert({
        refundId: `F${orderId}`,
        orderId: refundOrderId,
        attemptId,
        amountCents: opts.refundCents,
        currency: 'CAD',
        state: 'refunded',
        gatewaySeen: true,
        reason: null,
        operatorId: '0000000001',
        createdAt: PAID_AT + 3_600_000,
        updatedAt: PAID_AT + 3_600_000,
        submittedAt: PAID_AT + 3_600_000,
        needsAttention: false,
      });
    }
  });
  handle.close();
  return { attemptId, orderId, refundOrderId };
}

// A shift's report from the journal: totals per wallet and per cashier, tips, refunds, net, the
// supervisor's overrides and acknowledgements, what is still unresolved and the late events. An X
// report is this, computed now; a Z report is this frozen at close with the reconciliation added.
import type { ShiftEventLine, ShiftReport } from '../../../shared/staff.ts';
import type { EventLine, ShiftRow, ShiftsRepo } from './shifts-repo.ts';

/** Events that acknowledge rather than change: a cleared flag, unresolved orders at a close. */
const ACK_TYPES = new Set(['attempt.attention_cleared', 'shift.unresolved_acknowledged']);

export type StaffName = (staffId: string | null) => string;

function line(e: EventLine): ShiftEventLine {
  let note = '';
  try {
    const d = JSON.parse(e.detail) as Record<string, unknown>;
    note = String(d.supervisorReason ?? d.reason ?? d.status ?? '');
  } catch {
    note = '';
  }
  return {
    at: e.at,
    orderId: e.orderId ?? e.entityId,
    type: e.type,
    staffId: e.staffId,
    approverId: e.approverId,
    note,
  };
}

export function buildShiftReport(
  repo: ShiftsRepo,
  shift: ShiftRow,
  currency: string,
  name: StaffName,
): ShiftReport {
  const id = shift.shiftId;
  const paidW = repo.paidByWallet(id, currency);
  const refW = repo.refundedByWallet(id, currency);
  const wallets = [...new Set([...paidW, ...refW].map((g) => String(g.key)))].sort();
  const byWallet = wallets.map((wallet) => {
    const p = paidW.find((g) => g.key === wallet);
    const r = refW.find((g) => g.key === wallet);
    const grossCents = p?.grossCents ?? 0;
    const refundedCents = r?.cents ?? 0;
    return {
      wallet,
      count: p?.count ?? 0,
      grossCents,
      tipCents: p?.tipCents ?? 0,
      refundCount: r?.count ?? 0,
      refundedCents,
      netCents: grossCents - refundedCents,
    };
  });
  const paidC = repo.paidByCashier(id, currency);
  const refC = repo.refundedByCashier(id, currency);
  const cashiers = [...new Set([...paidC, ...refC].map((g) => g.key))];
  const byCashier = cashiers
    .map((cashierId) => {
      const p = paidC.find((g) => g.key === cashierId);
      const r = refC.find((g) => g.key === cashierId);
      const grossCents = p?.grossCents ?? 0;
      const refundedCents = r?.cents ?? 0;
      return {
        cashierId,
        name: name(cashierId),
        count: p?.count ?? 0,
        grossCents,
        tipCents: p?.tipCents ?? 0,
        refundCount: r?.count ?? 0,
        refundedCents,
        netCents: grossCents - refundedCents,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const grossCents = byWallet.reduce((s, w) => s + w.grossCents, 0);
  const refundCents = byWallet.reduce((s, w) => s + w.refundedCents, 0);
  const events = repo.overrides(id).map(line);
  return {
    kind: shift.closedAt === null ? 'X' : 'Z',
    shiftId: id,
    currency,
    openedAt: shift.openedAt,
    openedBy: name(shift.openedBy),
    closedAt: shift.closedAt,
    closedBy: shift.closedBy === null ? null : name(shift.closedBy),
    approvedBy: shift.approvedBy === null ? null : name(shift.approvedBy),
    count: byWallet.reduce((s, w) => s + w.count, 0),
    grossCents,
    tipCents: byWallet.reduce((s, w) => s + w.tipCents, 0),
    refunds: { count: byWallet.reduce((s, w) => s + w.refundCount, 0), totalCents: refundCents },
    netCents: grossCents - refundCents,
    byWallet,
    byCashier,
    overrides: events.filter((e) => !ACK_TYPES.has(e.type)),
    acknowledgements: events.filter((e) => ACK_TYPES.has(e.type)),
    unresolved: repo.unresolved(id),
    late: repo.late(id).map(line),
    reconciliation: null,
  };
}

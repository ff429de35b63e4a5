// A shift's report from the journal: totals per wallet and per cashier, tips, refunds, net, the
// supervisor's overrides and acknowledgements, what is still unresolved and the late events. An X
// report is this, computed now; a Z report is this frozen at close with the reconciliation added.
import type { ShiftEventLine, ShiftReport } from '../../../shared/staff.ts';
import type { EventLine, PaidGroup, RefundGroup, ShiftRow, ShiftsRepo } from './shifts-repo.ts';

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

/** Paid and refunded groups side by side, one line per key found in either, with the net. */
function merged(paid: PaidGroup[], refunded: RefundGroup[]) {
  const keys = [...new Set([...paid, ...refunded].map((g) => g.key))];
  return keys.map((key) => {
    const p = paid.find((g) => g.key === key);
    const r = refunded.find((g) => g.key === key);
    const grossCents = p?.grossCents ?? 0;
    const refundedCents = r?.cents ?? 0;
    return {
      key,
      count: p?.count ?? 0,
      grossCents,
      tipCents: p?.tipCents ?? 0,
      refundCount: r?.count ?? 0,
      refundedCents,
      netCents: grossCents - refundedCents,
    };
  });
}

export function buildShiftReport(
  repo: ShiftsRepo,
  shift: ShiftRow,
  currency: string,
  name: StaffName,
): ShiftReport {
  const id = shift.shiftId;
  const byWallet = merged(repo.paidByWallet(id, currency), repo.refundedByWallet(id, currency))
    .map(({ key, ...t }) => ({ wallet: String(key), ...t }))
    .sort((a, b) => a.wallet.localeCompare(b.wallet));
  const byCashier = merged(repo.paidByCashier(id, currency), repo.refundedByCashier(id, currency))
    .map(({ key, ...t }) => ({ cashierId: key, name: name(key), ...t }))
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

// Register shifts: one open at a time, opened by a cashier's sign-in; an X report any time; the close
// reconciles every order of the shift with OTTPay (a status query each, through the engine's bounded
// pool), refuses while anything is unresolved unless a supervisor acknowledges it, and freezes the Z
// report in the shift's row, which the schema then keeps from changing.
import type { ReconcileReport } from '../../../shared/contract.ts';
import { AppError } from '../../../shared/result.ts';
import type { ShiftReport, ShiftSummary } from '../../../shared/staff.ts';
import { durablePoint } from '../durable-points.ts';
import type { Journal } from '../journal/journal.ts';
import type { AttemptRow, RefundRow } from '../journal/rows.ts';
import { buildShiftReport, type StaffName } from './shift-report.ts';
import { createShiftsRepo, type ShiftRow, type ShiftsRepo } from './shifts-repo.ts';

type Difference = ReconcileReport['differences'][number];

export interface ShiftsDeps {
  journal(): Journal;
  currency(): string;
  name: StaffName;
  now(): number;
  reconcile(attempts: readonly AttemptRow[], refunds: readonly RefundRow[]): Promise<Difference[]>;
}

export interface CloseRequest {
  closedBy: string;
  approvedBy: string | null;
  /** A supervisor acknowledges what is still unresolved; without it the close is refused. */
  acknowledgeUnresolved: boolean;
}

export const ACK_UNRESOLVED = 'shift.unresolved_acknowledged';

export function createShifts(deps: ShiftsDeps) {
  const repos = new WeakMap<Journal, ShiftsRepo>();
  const repo = (): ShiftsRepo => {
    const j = deps.journal();
    let r = repos.get(j);
    if (!r) {
      r = createShiftsRepo(j.db);
      repos.set(j, r);
    }
    return r;
  };
  let closing = false;

  function report(shift: ShiftRow): ShiftReport {
    if (shift.zReport !== null) return JSON.parse(shift.zReport) as ShiftReport;
    return buildShiftReport(repo(), shift, deps.currency(), deps.name);
  }

  function acknowledge(shiftId: number, approvedBy: string | null): void {
    const j = deps.journal();
    const at = deps.now();
    j.write(() => {
      for (const u of repo().unresolved(shiftId)) {
        const row = u.kind === 'attempt' ? j.attempts.getByOrderId(u.orderId) : null;
        const entityId = row?.attemptId ?? u.orderId;
        j.events.append({
          at,
          entity: u.kind,
          entityId,
          type: ACK_UNRESOLVED,
          cause: 'override',
          detail: { shiftId, state: u.state, approvedBy, reason: 'Unresolved at shift close' },
        });
      }
    });
  }

  return {
    openId(): number | null {
      return repo().open()?.shiftId ?? null;
    },
    /** The open shift, or a new one opened by this cashier. */
    ensureOpen(staffId: string): number {
      const r = repo();
      return deps.journal().write(() => r.open()?.shiftId ?? r.insert(deps.now(), staffId));
    },
    current(): ShiftReport | null {
      const open = repo().open();
      return open ? report(open) : null;
    },
    report(shiftId: number): ShiftReport {
      const shift = repo().get(shiftId);
      if (!shift) throw new AppError('NOT_FOUND', `No shift ${shiftId}`);
      return report(shift);
    },
    list(limit = 50): ShiftSummary[] {
      return repo()
        .recent(limit)
        .map((s) => ({
          shiftId: s.shiftId,
          openedAt: s.openedAt,
          closedAt: s.closedAt,
          netCents: s.zReport === null ? null : (JSON.parse(s.zReport) as ShiftReport).netCents,
        }));
    },
    async close(req: CloseRequest): Promise<ShiftReport> {
      if (closing) throw new AppError('CONFLICT', 'This shift is already being closed');
      closing = true;
      try {
        const r = repo();
        const open = r.open();
        if (!open) throw new AppError('NOT_FOUND', 'No shift is open');
        const j = deps.journal();
        const attempts = r.attemptIds(open.shiftId).map((id) => j.attempts.get(id) as AttemptRow);
        const refunds = r.refundIds(open.shiftId).map((id) => j.refunds.get(id) as RefundRow);
        const differences = await deps.reconcile(attempts, refunds);
        durablePoint('shift.reconciled');
        const unresolved = r.unresolved(open.shiftId);
        if (unresolved.length > 0) {
          if (!req.acknowledgeUnresolved) {
            throw new AppError(
              'CONFLICT',
              `${unresolved.length} payment(s) of this shift are still unresolved: resolve them, or have a supervisor acknowledge them to close`,
              false,
              'shift-unresolved',
              { count: unresolved.length },
            );
          }
          acknowledge(open.shiftId, req.approvedBy);
        }
        const closedAt = deps.now();
        const z: ShiftReport = {
          ...buildShiftReport(
            r,
            { ...open, closedAt, closedBy: req.closedBy, approvedBy: req.approvedBy },
            deps.currency(),
            deps.name,
          ),
          kind: 'Z',
          reconciliation: { checked: attempts.length + refunds.length, differences },
        };
        j.write(() =>
          r.close({
            shiftId: open.shiftId,
            closedAt,
            closedBy: req.closedBy,
            approvedBy: req.approvedBy,
            zReport: JSON.stringify(z),
          }),
        );
        durablePoint('shift.z-frozen');
        return z;
      } finally {
        closing = false;
      }
    },
  };
}

export type Shifts = ReturnType<typeof createShifts>;

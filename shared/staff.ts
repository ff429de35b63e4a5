// Staff accounts, sign-in state and register shifts as the renderer, the CLI and the core share them.
export const STAFF_ROLES = ['cashier', 'supervisor', 'owner'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Cashiers sell and reprint; supervisors also refund, override and change settings; owners manage owners. */
export function roleAtLeast(role: StaffRole, needed: StaffRole): boolean {
  return STAFF_ROLES.indexOf(role) >= STAFF_ROLES.indexOf(needed);
}

/** An account as shown anywhere: never its PIN or PIN hash. */
export interface StaffView {
  staffId: string;
  name: string;
  role: StaffRole;
  operatorId: string;
  active: boolean;
}

export interface StaffState {
  /** The signed-in cashier, or null: the till is locked. */
  cashier: StaffView | null;
  /** The open shift, or null (the next sign-in opens one). */
  shiftId: number | null;
  /** The till locks after this many seconds without a command (0: never). */
  idleLockSeconds: number;
}

export interface ShiftWalletTotals {
  wallet: string;
  count: number;
  grossCents: number;
  tipCents: number;
  refundCount: number;
  refundedCents: number;
  netCents: number;
}

export interface ShiftCashierTotals {
  cashierId: string | null;
  name: string;
  count: number;
  grossCents: number;
  tipCents: number;
  refundCount: number;
  refundedCents: number;
  netCents: number;
}

export interface ShiftEventLine {
  at: number;
  orderId: string;
  type: string;
  staffId: string | null;
  approverId: string | null;
  note: string;
}

export interface ShiftReport {
  /** X: the shift so far (open); Z: the frozen report of a closed shift. */
  kind: 'X' | 'Z';
  shiftId: number;
  currency: string;
  openedAt: number;
  openedBy: string;
  closedAt: number | null;
  closedBy: string | null;
  approvedBy: string | null;
  count: number;
  grossCents: number;
  tipCents: number;
  refunds: { count: number; totalCents: number };
  netCents: number;
  byWallet: ShiftWalletTotals[];
  byCashier: ShiftCashierTotals[];
  overrides: ShiftEventLine[];
  acknowledgements: ShiftEventLine[];
  /** Attempts and refunds of this shift with no final answer yet. */
  unresolved: Array<{ orderId: string; kind: 'attempt' | 'refund'; state: string; amountCents: number }>;
  /** Events in this shift about attempts of an earlier, closed shift (a late call-back, a refund). */
  late: ShiftEventLine[];
  /** The reconciliation with OTTPay done at close (Z only). */
  reconciliation: {
    checked: number;
    differences: Array<{ orderId: string; journal: string; gateway: string; note: string }>;
  } | null;
}

export interface ShiftSummary {
  shiftId: number;
  openedAt: number;
  closedAt: number | null;
  netCents: number | null;
}

// The chain report the central database answers for one day: per store and till, per wallet and per
// cashier. Integer cents; a figure is per currency (a till's day may hold CAD and USD).
/** One day's figures for a till, a store or the chain, in one currency. */
export interface DayFigures {
  paidCount: number;
  grossCents: number;
  tipCents: number;
  refundCount: number;
  refundedCents: number;
  netCents: number;
  /** Attempts of the day still unresolved or flagged for a person. */
  unresolved: number;
}

export interface TillDayLine extends DayFigures {
  storeId: string;
  tillId: string;
  terminalNo: string;
  /** null: the till is known but had nothing that day. */
  currency: string | null;
  /** When the till last shipped (ISO), so a quiet till is told from a behind one. */
  lastShippedAt: string | null;
  /** Server clock minus the till's at its last batch (ms). */
  clockOffsetMs: number | null;
}

export interface DayTotals extends DayFigures {
  currency: string;
}

export interface StoreDay {
  storeId: string;
  totals: DayTotals[];
  tills: TillDayLine[];
}

export interface WalletDayLine {
  storeId: string;
  wallet: string;
  currency: string;
  paidCount: number;
  grossCents: number;
  refundedCents: number;
  netCents: number;
}

export interface CashierDayLine {
  storeId: string;
  /** The till a staff account belongs to (staff ids are per till); null for an operator id. */
  tillId: string | null;
  terminalNo: string | null;
  /** The cashier's staff id (per till) once staff accounts exist; the till's operator id until then. */
  cashierId: string;
  /** The staff account's name from its till's directory; null for an operator id or an unknown account. */
  name: string | null;
  currency: string;
  paidCount: number;
  grossCents: number;
  tipCents: number;
}

export interface ChainDayReport {
  day: string;
  storeId: string | null;
  stores: StoreDay[];
  byWallet: WalletDayLine[];
  byCashier: CashierDayLine[];
  chain: DayTotals[];
}

/** Sums lines by currency (for a store's or the chain's totals). */
export function totalsByCurrency(lines: readonly TillDayLine[]): DayTotals[] {
  const by = new Map<string, DayTotals>();
  for (const l of lines) {
    if (l.currency === null) continue;
    const t = by.get(l.currency) ?? {
      currency: l.currency,
      paidCount: 0,
      grossCents: 0,
      tipCents: 0,
      refundCount: 0,
      refundedCents: 0,
      netCents: 0,
      unresolved: 0,
    };
    t.paidCount += l.paidCount;
    t.grossCents += l.grossCents;
    t.tipCents += l.tipCents;
    t.refundCount += l.refundCount;
    t.refundedCents += l.refundedCents;
    t.netCents += l.netCents;
    t.unresolved += l.unresolved;
    by.set(l.currency, t);
  }
  return [...by.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

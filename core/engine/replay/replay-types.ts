// Inputs and drill-down output of a replay.

import type { ReplayReport } from '../report/report-model';

export interface ReplayOptions {
  // The window always starts on the first day of the month of the earliest customer start or event: a later start
  // would need opening balances and liabilities the history does not give.
  /** End of the window (exclusive, ms); default: the first day of the month after the last event. */
  toMs?: number;
  /** A report of the same dataset under the baseline book, for bill change per customer. */
  baseline?: ReplayReport;
  /** Manual corrections replayed with the history: adjustment grants and voids (a correction is a new entry). */
  adjustments?: LedgerAdjustment[];
  /** Called every few thousand customers with events done so far. */
  onProgress?: (eventsDone: number, eventsTotal: number) => void;
}

/**
 * A correction applied at a moment of a customer's history. `grant` adds adjustment credits (units of the book's
 * credit precision, with the cash paid for them, 0 for goodwill); `void` removes the unused remainder of the
 * customer's grants (of one kind, or all) and refunds their unrecognised cash.
 */
export type LedgerAdjustment =
  | { kind: 'grant'; customerId: string; atMs: number; credits: number; priceMicros: number; expiresAtMs: number | null }
  | { kind: 'void'; customerId: string; atMs: number; grantKind: GrantKind | null };

export type GrantKind = 'included' | 'purchased' | 'promotional' | 'adjustment';

export type LedgerEntryKind =
  | 'grant'
  | 'burn'
  | 'expiry'
  | 'rollover'
  /** Credits burned beyond the balance, billed at the period's end (pay-as-you-go). */
  | 'overage'
  /** Credits burned beyond the balance, carried as a negative balance until the next grant. */
  | 'negative-balance'
  | 'overage-charge'
  | 'fee'
  | 'blocked'
  | 'void'
  | 'debt-repayment';

/** One immutable entry of one customer's ledger (materialised only for drill-down, never in the aggregate replay). */
export interface LedgerEntry {
  sequence: number;
  atMs: number;
  kind: LedgerEntryKind;
  /** The grant the entry concerns (grant, burn part, expiry, rollover source, void); null otherwise. */
  grantId: number | null;
  grantKind: GrantKind | null;
  featureKey: string | null;
  unitsMicros: number;
  /** Signed change of the balance in credit units: + for grants, − for burns and expiries. */
  credits: number;
  /** Money moved by the entry: cash paid (grant, fee, overage) or revenue/breakage recognised. */
  cashMicros: number;
  revenueMicros: number;
  breakageMicros: number;
  expiresAtMs: number | null;
  /** Balance after the entry (sum of remaining grant credits minus negative balance). */
  balanceAfter: number;
}

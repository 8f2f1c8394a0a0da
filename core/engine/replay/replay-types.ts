// Inputs and drill-down output of a replay.

import type { ReplayReport } from '../report/report-model';

export interface ReplayOptions {
  /** Start of the window (inclusive, ms); default: the first day of the month of the earliest customer start or event. */
  fromMs?: number;
  /** End of the window (exclusive, ms); default: the first day of the month after the last event. */
  toMs?: number;
  /** A report of the same dataset under the baseline book, for bill change per customer. */
  baseline?: ReplayReport;
  /** Called every few thousand customers with events done so far. */
  onProgress?: (eventsDone: number, eventsTotal: number) => void;
}

export type GrantKind = 'included' | 'purchased' | 'promotional' | 'adjustment';

export type LedgerEntryKind =
  | 'grant'
  | 'burn'
  | 'expiry'
  | 'rollover'
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

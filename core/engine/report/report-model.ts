// The replay report: the JSON other tools read (documented in docs/report-format.md).
// Every amount is an integer at a fixed scale named by its suffix, so the JSON is exact:
//   ...Micros        money in millionths of the book's currency (MONEY_SCALE)
//   ...UnitsMicros   usage in millionths of a feature's unit (QUANTITY_SCALE)
//   credits...       credits in 10^-creditDecimals (the book's credit precision): 1234 at 2 decimals = 12.34 credits
// Ratios that cannot be integers (effective price, percent change) are exact-rounded decimal strings.

export const REPORT_VERSION = 1;

export interface ReportBookRef {
  id: string;
  name: string;
  version: string | null;
  /** SHA-256 of the book's canonical JSON. */
  contentHash: string;
}

export interface FeatureReport {
  key: string;
  name: string;
  unitLabel: string;
  events: number;
  unitsMicros: number;
  creditsBurned: number;
  /** Revenue recognised from this feature's burns (credits × cost basis of the grants drawn) plus its overage. */
  revenueMicros: number;
  /** revenue ÷ units in the book's currency per unit, 9 decimals, half-up; null when no units. */
  effectivePricePerUnit: string | null;
  blockedEvents: number;
  blockedUnitsMicros: number;
  /** units × unit cost (half-up to micros); null when the book gives no unit cost. */
  costMicros: number | null;
  marginMicros: number | null;
}

export interface CustomerReport {
  id: string;
  planKey: string;
  segment: string;
  /** Everything the customer paid in the window: fees + packs + overage. */
  cashMicros: number;
  feesMicros: number;
  packsMicros: number;
  overageMicros: number;
  creditsGrantedIncluded: number;
  creditsGrantedPurchased: number;
  creditsGrantedPromotional: number;
  creditsGrantedAdjustment: number;
  creditsBurned: number;
  creditsExpired: number;
  creditsRolledOver: number;
  creditsVoided: number;
  creditsOverage: number;
  /** Remaining credits at the end of the window minus any unpaid negative balance. */
  creditsEndingBalance: number;
  /** Burns carried as an unpaid negative balance at the end of the window (≥ 0). */
  creditsNegativeBalance: number;
  blockedEvents: number;
  blockedUnitsMicros: number;
  /** The balance could not pay for an event at least once (whatever the plan then did). */
  ranDry: boolean;
  /** cash − baseline cash; null without a baseline or when the customer is not in it. */
  billChangeMicros: number | null;
  /** change ÷ baseline cash × 100, 2 decimals half-up; null when the baseline paid nothing. */
  billChangePercent: string | null;
}

export interface LiabilityByExpiry {
  within30DaysMicros: number;
  days31To90Micros: number;
  days91To365Micros: number;
  over365DaysMicros: number;
  neverMicros: number;
}

export interface MonthReport {
  /** "2025-01" (UTC calendar month). */
  month: string;
  startMs: number;
  cashMicros: number;
  /** Revenue recognised in the month: burns of paid credits, overage, fees without credits. Breakage apart. */
  recognisedRevenueMicros: number;
  breakageMicros: number;
  /** Liability roll-forward: opening + issued − recognisedFromCredits − breakage − refunded = closing. */
  openingLiabilityMicros: number;
  issuedMicros: number;
  recognisedFromCreditsMicros: number;
  refundedMicros: number;
  closingLiabilityMicros: number;
  liabilityByExpiry: LiabilityByExpiry;
  creditsOutstanding: number;
}

export interface CreditReconciliation {
  granted: number;
  burned: number;
  expired: number;
  voided: number;
  outstanding: number;
  /** granted = burned + expired + voided + outstanding, exactly. */
  holds: boolean;
}

export interface MoneyReconciliation {
  cashAllocatedToCreditsMicros: number;
  recognisedFromCreditsMicros: number;
  breakageMicros: number;
  refundedMicros: number;
  closingLiabilityMicros: number;
  /** cash allocated = recognised + breakage + refunded + closing liability, exactly. */
  holds: boolean;
}

export interface ReportTotals {
  cashMicros: number;
  feesMicros: number;
  packsMicros: number;
  overageMicros: number;
  recognisedRevenueMicros: number;
  breakageMicros: number;
  closingLiabilityMicros: number;
  creditsGranted: number;
  creditsBurned: number;
  creditsExpired: number;
  creditsVoided: number;
  creditsOutstanding: number;
  /** Burns carried as an unpaid negative balance at the end of the window. */
  creditsNegativeBalance: number;
  creditsOverage: number;
  blockedEvents: number;
  blockedUnitsMicros: number;
  blockedCustomers: number;
  customersRanDry: number;
  /** Against a baseline: customers whose bill went up / down. null without a baseline. */
  customersPayingMore: number | null;
  customersPayingLess: number | null;
  billChangeMicros: number | null;
}

export interface ReplayReport {
  reportVersion: number;
  engineVersion: string;
  book: ReportBookRef;
  baselineBook: ReportBookRef | null;
  currency: string;
  creditDecimals: number;
  moneyDecimals: number;
  quantityDecimals: number;
  /** The replay window [fromMs, toMs): grants, burns and expiries inside it are counted. */
  fromMs: number;
  toMs: number;
  customerCount: number;
  eventCount: number;
  totals: ReportTotals;
  features: FeatureReport[];
  customers: CustomerReport[];
  months: MonthReport[];
  reconciliation: { credits: CreditReconciliation; money: MoneyReconciliation };
}

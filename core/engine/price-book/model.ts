// The price book document: the one model the product edits, validates, replays and exports.
// Decimal amounts are decimal strings ("0.001", "49.00") so that no value ever passes through binary floating
// point; plain JSON numbers are accepted on input and normalised to strings by the canonical export.

/** Schema version of the price book document this engine reads and writes. */
export const PRICE_BOOK_SCHEMA_VERSION = 1;

/** A decimal written as a string ("0.001") or, on input only, a JSON number. */
export type DecimalText = string | number;

export type Rounding = 'none' | 'up' | 'nearest';

export type ConsumptionOrder = 'soonest-expiry' | 'fifo' | 'by-kind';

export type PlanPeriod = 'month' | 'year';

/** A graduated tier: units of the feature within a billing period, up to `upToUnits` (exclusive of the next tier). */
export interface BurnTier {
  /** Upper bound of this tier in units per billing period; null for the last, open tier. */
  upToUnits: DecimalText | null;
  burnPerUnit: DecimalText;
}

export interface Feature {
  key: string;
  name: string;
  /** What one unit is, in words: "minute of HD video", "1,000 tokens". */
  unitLabel: string;
  /** Credits burned per unit when the feature has no tiers (tiers, when present, replace it). */
  burnPerUnit: DecimalText;
  /** Graduated tiers of burn per billing period; when present they replace `burnPerUnit`. */
  tiers?: BurnTier[];
  /** Rounding of each event's burn to the book's credit precision; default "none" (exact, remainder carried). */
  rounding?: Rounding;
  /** What one unit costs us, in the book's currency; used for margin. */
  unitCost?: DecimalText;
}

export type IncludedExpiry =
  | { kind: 'end-of-period' }
  | { kind: 'days'; days: number }
  | { kind: 'never' };

export type Rollover =
  | { kind: 'none' }
  /** Up to `percent` % of the period's included credits roll over. */
  | { kind: 'percent'; percent: DecimalText; expiresAfterPeriods: number }
  /** Up to `credits` credits roll over. */
  | { kind: 'credits'; credits: DecimalText; expiresAfterPeriods: number };

export type WhenExhausted =
  | { kind: 'block' }
  | { kind: 'overage'; pricePerCredit: DecimalText }
  | { kind: 'auto-top-up'; packKey: string; thresholdCredits: DecimalText }
  | { kind: 'negative-balance'; limitCredits: DecimalText };

export interface Plan {
  key: string;
  name: string;
  period: PlanPeriod;
  fee: DecimalText;
  includedCredits: DecimalText;
  includedExpiry: IncludedExpiry;
  rollover: Rollover;
  whenExhausted: WhenExhausted;
}

export type PackExpiry = { kind: 'days'; days: number } | { kind: 'never' };

export interface Pack {
  key: string;
  name: string;
  credits: DecimalText;
  bonusCredits?: DecimalText;
  price: DecimalText;
  expiry: PackExpiry;
}

export interface Promotions {
  /** Credits granted for nothing when a customer starts. */
  signUpCredits: DecimalText;
  expiry: PackExpiry;
}

export type BreakageMethod =
  | { method: 'at-expiry' }
  /** ASC 606 / IFRS 15 B46: breakage recognised in proportion to use, from an expected breakage rate in [0, 1). */
  | { method: 'proportional'; expectedRate: DecimalText };

export interface PriceBook {
  schemaVersion: number;
  /** Stable identifier of the book across versions ("ai-platform"). */
  id: string;
  name: string;
  /** Free version label ("2025-07 rebalance"); the content hash is the real identity. */
  version?: string;
  description?: string;
  /** ISO 4217 code. */
  currency: string;
  /** How many decimals of a credit exist (0–6). */
  creditDecimals: number;
  consumptionOrder: ConsumptionOrder;
  breakage: BreakageMethod;
  features: Feature[];
  plans: Plan[];
  packs: Pack[];
  promotions?: Promotions;
}

// The canonical text of a price book: equal books give equal bytes, so the SHA-256 of this text is the book's
// identity. The rules, all of which the content hash depends on:
// - keys in the schema's field order of model.ts, not alphabetical, so a person can read the file top to bottom:
//   book: schemaVersion, id, name, version, description, currency, creditDecimals, consumptionOrder, breakage,
//         features, plans, packs, promotions
//   feature: key, name, unitLabel, burnPerUnit, tiers, rounding, unitCost      tier: upToUnits, burnPerUnit
//   plan: key, name, period, fee, includedCredits, includedExpiry, rollover, whenExhausted
//   pack: key, name, credits, bonusCredits, price, expiry                     promotions: signUpCredits, expiry
//   tagged objects: kind (or method) first, then their fields in model order
// - arrays in the author's order (order is meaning to the author: it is how the editor and reports list things);
// - every decimal as canonical decimal text (formatDecimal: no exponent, no trailing zeros), so 0.0010 and "0.001"
//   give the same bytes; whole numbers (schemaVersion, creditDecimals, days, periods) stay JSON numbers;
// - optional fields omitted when absent and written as given when present (an explicit "rounding": "none" stays);
// - fields the model does not know are dropped; text is written as JSON.stringify writes it, without Unicode
//   normalisation; 2-space indentation and a trailing newline.

import { formatDecimal } from '../decimal/decimal-text';
import { exactOf } from './exact-arithmetic';
import type {
  BreakageMethod,
  BurnTier,
  DecimalText,
  Feature,
  IncludedExpiry,
  Pack,
  PackExpiry,
  Plan,
  PriceBook,
  Promotions,
  Rollover,
  WhenExhausted,
} from './model';

/** A JSON value built in canonical key order; JSON.stringify keeps the insertion order of non-numeric keys. */
export type CanonicalValue = string | number | null | CanonicalValue[] | { [field: string]: CanonicalValue };
type CanonicalObject = { [field: string]: CanonicalValue };

function decimal(value: DecimalText): string {
  return formatDecimal(exactOf(value));
}

function tier(value: BurnTier): CanonicalObject {
  return {
    upToUnits: value.upToUnits === null ? null : decimal(value.upToUnits),
    burnPerUnit: decimal(value.burnPerUnit),
  };
}

function feature(value: Feature): CanonicalObject {
  const out: CanonicalObject = {
    key: value.key,
    name: value.name,
    unitLabel: value.unitLabel,
    burnPerUnit: decimal(value.burnPerUnit),
  };
  if (value.tiers !== undefined) out.tiers = value.tiers.map(tier);
  if (value.rounding !== undefined) out.rounding = value.rounding;
  if (value.unitCost !== undefined) out.unitCost = decimal(value.unitCost);
  return out;
}

function includedExpiry(value: IncludedExpiry): CanonicalObject {
  return value.kind === 'days' ? { kind: value.kind, days: value.days } : { kind: value.kind };
}

function rollover(value: Rollover): CanonicalObject {
  switch (value.kind) {
    case 'none':
      return { kind: value.kind };
    case 'percent':
      return { kind: value.kind, percent: decimal(value.percent), expiresAfterPeriods: value.expiresAfterPeriods };
    case 'credits':
      return { kind: value.kind, credits: decimal(value.credits), expiresAfterPeriods: value.expiresAfterPeriods };
  }
}

function whenExhausted(value: WhenExhausted): CanonicalObject {
  switch (value.kind) {
    case 'block':
      return { kind: value.kind };
    case 'overage':
      return { kind: value.kind, pricePerCredit: decimal(value.pricePerCredit) };
    case 'auto-top-up':
      return { kind: value.kind, packKey: value.packKey, thresholdCredits: decimal(value.thresholdCredits) };
    case 'negative-balance':
      return { kind: value.kind, limitCredits: decimal(value.limitCredits) };
  }
}

function plan(value: Plan): CanonicalObject {
  return {
    key: value.key,
    name: value.name,
    period: value.period,
    fee: decimal(value.fee),
    includedCredits: decimal(value.includedCredits),
    includedExpiry: includedExpiry(value.includedExpiry),
    rollover: rollover(value.rollover),
    whenExhausted: whenExhausted(value.whenExhausted),
  };
}

function packExpiry(value: PackExpiry): CanonicalObject {
  return value.kind === 'days' ? { kind: value.kind, days: value.days } : { kind: value.kind };
}

function pack(value: Pack): CanonicalObject {
  const out: CanonicalObject = { key: value.key, name: value.name, credits: decimal(value.credits) };
  if (value.bonusCredits !== undefined) out.bonusCredits = decimal(value.bonusCredits);
  out.price = decimal(value.price);
  out.expiry = packExpiry(value.expiry);
  return out;
}

function promotions(value: Promotions): CanonicalObject {
  return { signUpCredits: decimal(value.signUpCredits), expiry: packExpiry(value.expiry) };
}

function breakage(value: BreakageMethod): CanonicalObject {
  return value.method === 'proportional'
    ? { method: value.method, expectedRate: decimal(value.expectedRate) }
    : { method: value.method };
}

/** The book as a plain object in canonical order; for embedding in an envelope or another canonical document. */
export function canonicalPriceBookValue(book: PriceBook): CanonicalObject {
  const out: CanonicalObject = { schemaVersion: book.schemaVersion, id: book.id, name: book.name };
  if (book.version !== undefined) out.version = book.version;
  if (book.description !== undefined) out.description = book.description;
  out.currency = book.currency;
  out.creditDecimals = book.creditDecimals;
  out.consumptionOrder = book.consumptionOrder;
  out.breakage = breakage(book.breakage);
  out.features = book.features.map(feature);
  out.plans = book.plans.map(plan);
  out.packs = book.packs.map(pack);
  if (book.promotions !== undefined) out.promotions = promotions(book.promotions);
  return out;
}

/** Canonical JSON text of a structurally sound book; a decimal that cannot be read is a broken invariant and throws. */
export function canonicalPriceBookJson(book: PriceBook): string {
  return canonicalJsonText(canonicalPriceBookValue(book));
}

/** 2-space indented JSON with a trailing newline: the one text layout of every canonical document. */
export function canonicalJsonText(value: CanonicalValue): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

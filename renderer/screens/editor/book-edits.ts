// The edits a person makes to a price book in the editor, as pure functions: each returns a new book and leaves
// its input untouched (objects on the changed path are copied, the rest shared), so undo can keep old books as they
// were. Edits never refuse a value: a draft may be invalid while someone types, and validatePriceBook says what is
// wrong at the field; only an edit that names a feature, tier, plan or pack that does not exist is a programmer error.

import { parseDecimal, formatDecimal } from '../../../core/engine/decimal/decimal-text';
import { multiplyDecimals } from '../../../core/engine/price-book/exact-arithmetic';
import type {
  BreakageMethod,
  BurnTier,
  ConsumptionOrder,
  DecimalText,
  Feature,
  IncludedExpiry,
  Pack,
  PackExpiry,
  Plan,
  PlanPeriod,
  PriceBook,
  Promotions,
  Rollover,
  Rounding,
  WhenExhausted,
} from '../../../core/engine/price-book/model';

export type BookTextField = 'name' | 'version' | 'description' | 'currency';
export type FeatureTextField = 'key' | 'name' | 'unitLabel' | 'burnPerUnit';
export type PlanTextField = 'key' | 'name' | 'fee' | 'includedCredits';
export type PackTextField = 'key' | 'name' | 'credits' | 'price';
export type TierField = 'upToUnits' | 'burnPerUnit';

export type IncludedExpiryKind = IncludedExpiry['kind'];
export type RolloverKind = Rollover['kind'];
export type WhenExhaustedKind = WhenExhausted['kind'];
export type PackExpiryKind = PackExpiry['kind'];
export type BreakageKind = BreakageMethod['method'];

/** What a new expiry in days starts at: a month, the usual first guess. */
const DEFAULT_EXPIRY_DAYS = 30;
/** Where the first tier of a feature that had none ends, in units per billing period. */
const FIRST_TIER_BOUND = '1000';

/**
 * A whole number typed in a field: the number when the text is one ("30", " 7 "), otherwise NaN, which validation
 * reports at the field as not a whole number. The editor keeps the text as typed, so nothing typed is lost.
 */
export function wholeNumberFromText(text: string): number {
  return /^\s*[+-]?\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

function itemAt<T>(items: readonly T[], index: number, what: string): T {
  if (!Number.isInteger(index) || index < 0 || index >= items.length) {
    throw new Error(`invariant: ${what} ${index} does not exist (there are ${items.length})`);
  }
  return items[index];
}

function replaceAt<T>(items: readonly T[], index: number, item: T, what: string): T[] {
  itemAt(items, index, what);
  const copy = items.slice();
  copy[index] = item;
  return copy;
}

function removeAt<T>(items: readonly T[], index: number, what: string): T[] {
  itemAt(items, index, what);
  return items.filter((_, position) => position !== index);
}

/** A key not yet used in the list: "feature-2", "feature-3"… */
function freshKey(used: readonly { key: string }[], stem: string): string {
  const keys = new Set(used.map((item) => item.key));
  for (let number = used.length + 1; ; number += 1) {
    const key = `${stem}-${number}`;
    if (!keys.has(key)) return key;
  }
}

// ── The book ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Sets a text field of the book; empty text removes the optional version label and description. */
export function setBookText(book: PriceBook, field: BookTextField, text: string): PriceBook {
  if ((field === 'version' || field === 'description') && text === '') {
    const copy = { ...book };
    delete copy[field];
    return copy;
  }
  return { ...book, [field]: text };
}

export function setCreditDecimals(book: PriceBook, creditDecimals: number): PriceBook {
  return { ...book, creditDecimals };
}

export function setConsumptionOrder(book: PriceBook, consumptionOrder: ConsumptionOrder): PriceBook {
  return { ...book, consumptionOrder };
}

/** Switching to proportional breakage starts from an expected rate of 0 (no breakage expected) for the user to set. */
export function setBreakageMethod(book: PriceBook, method: BreakageKind): PriceBook {
  if (book.breakage.method === method) return book;
  const breakage: BreakageMethod = method === 'proportional' ? { method, expectedRate: '0' } : { method };
  return { ...book, breakage };
}

export function setExpectedBreakageRate(book: PriceBook, expectedRate: string): PriceBook {
  if (book.breakage.method !== 'proportional') {
    throw new Error('invariant: the expected breakage rate is only set on proportional breakage');
  }
  return { ...book, breakage: { method: 'proportional', expectedRate } };
}

// ── Features ─────────────────────────────────────────────────────────────────────────────────────────────────────

function updateFeature(book: PriceBook, index: number, change: (feature: Feature) => Feature): PriceBook {
  const feature = itemAt(book.features, index, 'feature');
  const changed = change(feature);
  // An edit that changes nothing returns the same book, so it adds no undo step.
  return changed === feature ? book : { ...book, features: replaceAt(book.features, index, changed, 'feature') };
}

export function setFeatureText(book: PriceBook, index: number, field: FeatureTextField, text: string): PriceBook {
  return updateFeature(book, index, (feature) => ({ ...feature, [field]: text }));
}

/** Sets a feature's flat burn per unit (tiers, when the feature has them, still decide what it burns). */
export function setFeatureBurn(book: PriceBook, index: number, burnPerUnit: DecimalText): PriceBook {
  return updateFeature(book, index, (feature) => ({ ...feature, burnPerUnit }));
}

export function setFeatureRounding(book: PriceBook, index: number, rounding: Rounding): PriceBook {
  return updateFeature(book, index, (feature) => ({ ...feature, rounding }));
}

/** Empty text removes the unit cost (the feature then has no margin figures). */
export function setFeatureUnitCost(book: PriceBook, index: number, text: string): PriceBook {
  return updateFeature(book, index, (feature) => {
    const copy = { ...feature };
    if (text === '') delete copy.unitCost;
    else copy.unitCost = text;
    return copy;
  });
}

/** A new feature at the end, burning 1 credit per unit, with a key no other feature has. */
export function addFeature(book: PriceBook): PriceBook {
  const key = freshKey(book.features, 'feature');
  const feature: Feature = { key, name: 'New feature', unitLabel: 'unit', burnPerUnit: '1', rounding: 'none' };
  return { ...book, features: [...book.features, feature] };
}

export function removeFeature(book: PriceBook, index: number): PriceBook {
  return { ...book, features: removeAt(book.features, index, 'feature') };
}

// ── Tiers ────────────────────────────────────────────────────────────────────────────────────────────────────────

/** Twice the bound, exactly; text that is not a decimal (a draft being typed) yields the first tier's bound. */
function doubledBound(bound: DecimalText | null): string {
  if (bound === null) return FIRST_TIER_BOUND;
  const parsed = parseDecimal(bound);
  if (!parsed.ok || parsed.value.digits <= 0n) return FIRST_TIER_BOUND;
  return formatDecimal(multiplyDecimals(parsed.value, { digits: 2n, decimals: 0 }));
}

/**
 * Adds a tier at the end. A flat feature becomes two tiers at its burn (up to 1000 units, then open), so nothing
 * burns differently until the user changes a tier; otherwise the open last tier gets a bound (twice the previous
 * bound) and a new open tier follows at the same burn.
 */
export function addTier(book: PriceBook, featureIndex: number): PriceBook {
  return updateFeature(book, featureIndex, (feature) => {
    const tiers = feature.tiers ?? [];
    if (tiers.length === 0) {
      return {
        ...feature,
        tiers: [
          { upToUnits: FIRST_TIER_BOUND, burnPerUnit: feature.burnPerUnit },
          { upToUnits: null, burnPerUnit: feature.burnPerUnit },
        ],
      };
    }
    const last = tiers[tiers.length - 1];
    const previousBound = tiers.length > 1 ? tiers[tiers.length - 2].upToUnits : null;
    const closed: BurnTier = { ...last, upToUnits: last.upToUnits ?? doubledBound(previousBound) };
    return { ...feature, tiers: [...tiers.slice(0, -1), closed, { upToUnits: null, burnPerUnit: last.burnPerUnit }] };
  });
}

/**
 * Removes a tier. Removing the last tier opens the one before it, so every unit still has a burn; removing the
 * only tier (or leaving one) returns the feature to its flat burn per unit.
 */
export function removeTier(book: PriceBook, featureIndex: number, tierIndex: number): PriceBook {
  return updateFeature(book, featureIndex, (feature) => {
    const remaining = removeAt(feature.tiers ?? [], tierIndex, 'tier');
    const copy = { ...feature };
    if (remaining.length <= 1) {
      delete copy.tiers;
      return copy;
    }
    const last = remaining[remaining.length - 1];
    if (last.upToUnits !== null) remaining[remaining.length - 1] = { ...last, upToUnits: null };
    return { ...copy, tiers: remaining };
  });
}

/** Sets a tier's bound or burn; an empty bound means the tier is open (null). */
export function setTierField(book: PriceBook, featureIndex: number, tierIndex: number, field: TierField, text: string): PriceBook {
  return updateFeature(book, featureIndex, (feature) => {
    const tiers = feature.tiers ?? [];
    const tier = itemAt(tiers, tierIndex, 'tier');
    const changed: BurnTier = field === 'upToUnits' ? { ...tier, upToUnits: text === '' ? null : text } : { ...tier, burnPerUnit: text };
    return { ...feature, tiers: replaceAt(tiers, tierIndex, changed, 'tier') };
  });
}

// ── Plans ────────────────────────────────────────────────────────────────────────────────────────────────────────

function updatePlan(book: PriceBook, index: number, change: (plan: Plan) => Plan): PriceBook {
  const plan = itemAt(book.plans, index, 'plan');
  const changed = change(plan);
  // An edit that changes nothing returns the same book, so it adds no undo step.
  return changed === plan ? book : { ...book, plans: replaceAt(book.plans, index, changed, 'plan') };
}

export function setPlanText(book: PriceBook, index: number, field: PlanTextField, text: string): PriceBook {
  return updatePlan(book, index, (plan) => ({ ...plan, [field]: text }));
}

export function setPlanPeriod(book: PriceBook, index: number, period: PlanPeriod): PriceBook {
  return updatePlan(book, index, (plan) => ({ ...plan, period }));
}

/** A plan's included credits: "days" starts at 30 days, or keeps the days it had. */
export function setIncludedExpiryKind(book: PriceBook, index: number, kind: IncludedExpiryKind): PriceBook {
  return updatePlan(book, index, (plan) => {
    if (plan.includedExpiry.kind === kind) return plan;
    const includedExpiry: IncludedExpiry = kind === 'days' ? { kind, days: DEFAULT_EXPIRY_DAYS } : { kind };
    return { ...plan, includedExpiry };
  });
}

export function setIncludedExpiryDays(book: PriceBook, index: number, days: number): PriceBook {
  return updatePlan(book, index, (plan) => {
    if (plan.includedExpiry.kind !== 'days') throw new Error('invariant: included expiry days are only set on an expiry in days');
    return { ...plan, includedExpiry: { kind: 'days', days } };
  });
}

/**
 * Changes the kind of rollover. A new percent rollover starts at 100% and a new credits rollover at the plan's
 * included credits (both: everything rolls over), each for one period, or keeps the periods the old rule had.
 */
export function setRolloverKind(book: PriceBook, index: number, kind: RolloverKind): PriceBook {
  return updatePlan(book, index, (plan) => {
    const old = plan.rollover;
    if (old.kind === kind) return plan;
    const expiresAfterPeriods = old.kind === 'none' ? 1 : old.expiresAfterPeriods;
    const rollover: Rollover =
      kind === 'none'
        ? { kind }
        : kind === 'percent'
          ? { kind, percent: '100', expiresAfterPeriods }
          : { kind, credits: String(plan.includedCredits), expiresAfterPeriods };
    return { ...plan, rollover };
  });
}

/** Sets the rollover percent or credits, whichever the rule has. */
export function setRolloverAmount(book: PriceBook, index: number, text: string): PriceBook {
  return updatePlan(book, index, (plan) => {
    const rule = plan.rollover;
    if (rule.kind === 'none') throw new Error('invariant: a plan without rollover has no rollover amount');
    return { ...plan, rollover: rule.kind === 'percent' ? { ...rule, percent: text } : { ...rule, credits: text } };
  });
}

export function setRolloverPeriods(book: PriceBook, index: number, expiresAfterPeriods: number): PriceBook {
  return updatePlan(book, index, (plan) => {
    const rule = plan.rollover;
    if (rule.kind === 'none') throw new Error('invariant: a plan without rollover has no rollover periods');
    return { ...plan, rollover: { ...rule, expiresAfterPeriods } };
  });
}

/**
 * Changes what happens when credits run out. Overage starts at a price of 0 per credit for the user to set; auto
 * top-up starts with the book's first pack and a threshold of 0; a negative balance starts with a limit of 0.
 */
export function setWhenExhaustedKind(book: PriceBook, index: number, kind: WhenExhaustedKind): PriceBook {
  return updatePlan(book, index, (plan) => {
    if (plan.whenExhausted.kind === kind) return plan;
    let whenExhausted: WhenExhausted;
    if (kind === 'block') whenExhausted = { kind };
    else if (kind === 'overage') whenExhausted = { kind, pricePerCredit: '0' };
    else if (kind === 'auto-top-up') whenExhausted = { kind, packKey: book.packs[0]?.key ?? '', thresholdCredits: '0' };
    else whenExhausted = { kind, limitCredits: '0' };
    return { ...plan, whenExhausted };
  });
}

export type WhenExhaustedField = 'pricePerCredit' | 'packKey' | 'thresholdCredits' | 'limitCredits';

const WHEN_EXHAUSTED_FIELDS: Record<WhenExhaustedKind, readonly WhenExhaustedField[]> = {
  block: [],
  overage: ['pricePerCredit'],
  'auto-top-up': ['packKey', 'thresholdCredits'],
  'negative-balance': ['limitCredits'],
};

export function setWhenExhaustedField(book: PriceBook, index: number, field: WhenExhaustedField, text: string): PriceBook {
  return updatePlan(book, index, (plan) => {
    const rule = plan.whenExhausted;
    if (!WHEN_EXHAUSTED_FIELDS[rule.kind].includes(field)) {
      throw new Error(`invariant: a "${rule.kind}" rule has no field ${field}`);
    }
    // The field belongs to the rule's kind (checked above), so the spread keeps the union's shape.
    return { ...plan, whenExhausted: { ...rule, [field]: text } as WhenExhausted };
  });
}

/** A new monthly plan at the end: no fee, no included credits, blocked when they run out. */
export function addPlan(book: PriceBook): PriceBook {
  const plan: Plan = {
    key: freshKey(book.plans, 'plan'),
    name: 'New plan',
    period: 'month',
    fee: '0',
    includedCredits: '0',
    includedExpiry: { kind: 'end-of-period' },
    rollover: { kind: 'none' },
    whenExhausted: { kind: 'block' },
  };
  return { ...book, plans: [...book.plans, plan] };
}

export function removePlan(book: PriceBook, index: number): PriceBook {
  return { ...book, plans: removeAt(book.plans, index, 'plan') };
}

// ── Packs ────────────────────────────────────────────────────────────────────────────────────────────────────────

function updatePack(book: PriceBook, index: number, change: (pack: Pack) => Pack): PriceBook {
  const pack = itemAt(book.packs, index, 'pack');
  const changed = change(pack);
  // An edit that changes nothing returns the same book, so it adds no undo step.
  return changed === pack ? book : { ...book, packs: replaceAt(book.packs, index, changed, 'pack') };
}

/**
 * Sets a pack's text field. Renaming a pack's key renames it in every plan that tops up with that pack, so a
 * rename never leaves a plan pointing at a pack that is gone.
 */
export function setPackText(book: PriceBook, index: number, field: PackTextField, text: string): PriceBook {
  const oldKey = book.packs[index]?.key;
  const changed = updatePack(book, index, (pack) => ({ ...pack, [field]: text }));
  if (field !== 'key' || oldKey === text) return changed;
  const plans = changed.plans.map((plan) =>
    plan.whenExhausted.kind === 'auto-top-up' && plan.whenExhausted.packKey === oldKey
      ? { ...plan, whenExhausted: { ...plan.whenExhausted, packKey: text } }
      : plan,
  );
  return { ...changed, plans };
}

/** Empty text removes the bonus credits. */
export function setPackBonus(book: PriceBook, index: number, text: string): PriceBook {
  return updatePack(book, index, (pack) => {
    const copy = { ...pack };
    if (text === '') delete copy.bonusCredits;
    else copy.bonusCredits = text;
    return copy;
  });
}

function expiryOfKind(current: PackExpiry, kind: PackExpiryKind): PackExpiry {
  if (current.kind === kind) return current;
  return kind === 'days' ? { kind, days: DEFAULT_EXPIRY_DAYS } : { kind };
}

export function setPackExpiryKind(book: PriceBook, index: number, kind: PackExpiryKind): PriceBook {
  return updatePack(book, index, (pack) => ({ ...pack, expiry: expiryOfKind(pack.expiry, kind) }));
}

export function setPackExpiryDays(book: PriceBook, index: number, days: number): PriceBook {
  return updatePack(book, index, (pack) => {
    if (pack.expiry.kind !== 'days') throw new Error('invariant: expiry days are only set on an expiry in days');
    return { ...pack, expiry: { kind: 'days', days } };
  });
}

export function addPack(book: PriceBook): PriceBook {
  const pack: Pack = { key: freshKey(book.packs, 'pack'), name: 'New pack', credits: '1000', price: '10', expiry: { kind: 'never' } };
  return { ...book, packs: [...book.packs, pack] };
}

export function removePack(book: PriceBook, index: number): PriceBook {
  return { ...book, packs: removeAt(book.packs, index, 'pack') };
}

// ── Promotions ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Turning the sign-up promotion on starts at 0 credits that never expire; turning it off removes it. */
export function setPromotionsEnabled(book: PriceBook, enabled: boolean): PriceBook {
  if (enabled === (book.promotions !== undefined)) return book;
  if (enabled) return { ...book, promotions: { signUpCredits: '0', expiry: { kind: 'never' } } };
  const copy = { ...book };
  delete copy.promotions;
  return copy;
}

function updatePromotions(book: PriceBook, change: (promotions: Promotions) => Promotions): PriceBook {
  if (book.promotions === undefined) throw new Error('invariant: the book has no sign-up promotion to edit');
  return { ...book, promotions: change(book.promotions) };
}

export function setSignUpCredits(book: PriceBook, text: string): PriceBook {
  return updatePromotions(book, (promotions) => ({ ...promotions, signUpCredits: text }));
}

export function setPromotionsExpiryKind(book: PriceBook, kind: PackExpiryKind): PriceBook {
  return updatePromotions(book, (promotions) => ({ ...promotions, expiry: expiryOfKind(promotions.expiry, kind) }));
}

export function setPromotionsExpiryDays(book: PriceBook, days: number): PriceBook {
  return updatePromotions(book, (promotions) => {
    if (promotions.expiry.kind !== 'days') throw new Error('invariant: expiry days are only set on an expiry in days');
    return { ...promotions, expiry: { kind: 'days', days } };
  });
}

// Rebalancing arithmetic, exact end to end: a percentage applied to a feature's burn (flat and every tier) in one
// or many books, and the burn slider, whose integer positions map to decimal burns and back without a float.
// One rounding, stated where it happens: a scaled burn with more than MAX_BURN_DECIMALS decimals is rounded half
// away from zero to MAX_BURN_DECIMALS, the most a book may hold.

import type { ExactDecimal } from '../../../core/engine/decimal/decimal-text';
import { compareDecimals, formatDecimal, formatScaled, normalise, parseDecimal } from '../../../core/engine/decimal/decimal-text';
import { MAX_BURN_DECIMALS } from '../../../core/engine/decimal/scales';
import { percentChangeText } from '../../../core/engine/price-book/diff';
import { divideHalfAwayFromZero, multiplyDecimals } from '../../../core/engine/price-book/exact-arithmetic';
import type { DecimalText, Feature, PriceBook } from '../../../core/engine/price-book/model';

const MINUS_ONE_HUNDRED: ExactDecimal = { digits: -100n, decimals: 0 };
/** A percentage change is kept to this many decimals, enough for "+12.5%" and beyond. */
const PERCENT_DECIMALS = 4;

export type PercentChangeParse = { ok: true; value: ExactDecimal } | { ok: false; message: string };

/**
 * Reads a percentage change as a person types it: "10", "+10", "-25", "12.5%", "−5" (a typographic minus).
 * Refuses text that is not a number, a change of -100% or less (a burn must stay above zero) and more than
 * PERCENT_DECIMALS decimals.
 */
export function parsePercentChange(text: string): PercentChangeParse {
  const cleaned = text.trim().replace(/%$/, '').trim().replace(/^\u2212/, '-');
  const parsed = parseDecimal(cleaned);
  if (cleaned === '' || !parsed.ok) {
    return { ok: false, message: `"${text}" is not a percentage; write a change such as +10 or -25.` };
  }
  if (compareDecimals(parsed.value, MINUS_ONE_HUNDRED) <= 0) {
    return { ok: false, message: `A change of ${formatDecimal(parsed.value)}% would leave no burn at all; it must be above -100%.` };
  }
  if (parsed.value.decimals > PERCENT_DECIMALS) {
    return { ok: false, message: `A percentage change may have at most ${PERCENT_DECIMALS} decimals.` };
  }
  return { ok: true, value: parsed.value };
}

/**
 * burn × (100 + percent) ÷ 100, exactly when it fits MAX_BURN_DECIMALS, else rounded half away from zero there.
 * Text that is not a decimal (a draft someone is typing) is returned as it is, for validation to report.
 */
export function scaledBurn(burn: DecimalText, percent: ExactDecimal): DecimalText {
  const parsed = parseDecimal(burn);
  if (!parsed.ok) return burn;
  const factor = normalise({ digits: (100n * 10n ** BigInt(percent.decimals) + percent.digits), decimals: percent.decimals + 2 });
  const product = multiplyDecimals(parsed.value, factor);
  if (product.decimals <= MAX_BURN_DECIMALS) return formatDecimal(product);
  const rounded = divideHalfAwayFromZero(product, { digits: 1n, decimals: 0 }, MAX_BURN_DECIMALS);
  return formatScaled(rounded, MAX_BURN_DECIMALS, 0);
}

function scaledFeature(feature: Feature, percent: ExactDecimal): Feature {
  const scaled: Feature = { ...feature, burnPerUnit: scaledBurn(feature.burnPerUnit, percent) };
  if (feature.tiers) scaled.tiers = feature.tiers.map((tier) => ({ ...tier, burnPerUnit: scaledBurn(tier.burnPerUnit, percent) }));
  return scaled;
}

/** The book with the feature's flat burn and every tier's burn changed by `percent`; unchanged without that feature. */
export function applyPercentToFeature(book: PriceBook, featureKey: string, percent: ExactDecimal): PriceBook {
  if (!book.features.some((feature) => feature.key === featureKey)) return book;
  return { ...book, features: book.features.map((feature) => (feature.key === featureKey ? scaledFeature(feature, percent) : feature)) };
}

export interface WhatIfOutcome {
  books: PriceBook[];
  /** Ids of the books that have the feature and were changed, in the order given. */
  changedBookIds: string[];
  /** Ids of the books without the feature, left as they were (a what-if across books names what it could not do). */
  untouchedBookIds: string[];
}

/** Applies one percentage change to one feature across every book that has it. */
export function applyWhatIf(books: readonly PriceBook[], featureKey: string, percent: ExactDecimal): WhatIfOutcome {
  const changedBookIds: string[] = [];
  const untouchedBookIds: string[] = [];
  const changed = books.map((book) => {
    const has = book.features.some((feature) => feature.key === featureKey);
    (has ? changedBookIds : untouchedBookIds).push(book.id);
    return has ? applyPercentToFeature(book, featureKey, percent) : book;
  });
  return { books: changed, changedBookIds, untouchedBookIds };
}

/** "+25.00%" from the reference burn to the burn; null when either is not a positive decimal. */
export function burnChangeText(reference: DecimalText, burn: DecimalText): string | null {
  const before = parseDecimal(reference);
  const after = parseDecimal(burn);
  if (!before.ok || !after.ok || before.value.digits <= 0n) return null;
  return percentChangeText(before.value, after.value);
}

// ── The burn slider ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A slider's integer positions 0…maxPosition stand for burns position × step. The step is a power of ten two
 * places below the reference burn's leading digit (1.25 → 0.01, 40 → 0.1, 0.0005 → 0.000001), never finer than a
 * book may hold, and the slider reaches three times the reference: −100% to +200% in steps of at most 1%.
 */
export interface BurnSliderScale {
  step: ExactDecimal;
  maxPosition: number;
}

/** Reach of the slider as a multiple of the reference burn. */
const SLIDER_REACH = 3n;
/** Reach when there is no positive reference: 0 to 10 credits in steps of 0.01. */
const FALLBACK_SCALE: BurnSliderScale = { step: { digits: 1n, decimals: 2 }, maxPosition: 1000 };

export function burnSliderScale(reference: DecimalText): BurnSliderScale {
  const parsed = parseDecimal(reference);
  if (!parsed.ok || parsed.value.digits <= 0n) return FALLBACK_SCALE;
  const { digits, decimals } = parsed.value;
  const leadingExponent = digits.toString().length - 1 - decimals;
  const stepDecimals = Math.min(MAX_BURN_DECIMALS, 2 - leadingExponent);
  const step: ExactDecimal = stepDecimals >= 0 ? { digits: 1n, decimals: stepDecimals } : { digits: 10n ** BigInt(-stepDecimals), decimals: 0 };
  const reach = multiplyDecimals(parsed.value, { digits: SLIDER_REACH, decimals: 0 });
  // Rounded up so the reach itself is on the slider.
  const positions = ceilingQuotient(reach, step);
  return { step, maxPosition: Number(positions) };
}

function ceilingQuotient(numerator: ExactDecimal, denominator: ExactDecimal): bigint {
  const scale = Math.max(numerator.decimals, denominator.decimals);
  const top = numerator.digits * 10n ** BigInt(scale - numerator.decimals);
  const bottom = denominator.digits * 10n ** BigInt(scale - denominator.decimals);
  return (top + bottom - 1n) / bottom;
}

/** The burn at a slider position, as canonical decimal text; positions outside the slider are a programmer error. */
export function sliderValue(scale: BurnSliderScale, position: number): string {
  if (!Number.isInteger(position) || position < 0 || position > scale.maxPosition) {
    throw new Error(`invariant: slider position ${position} is outside 0…${scale.maxPosition}`);
  }
  return formatDecimal(multiplyDecimals(scale.step, { digits: BigInt(position), decimals: 0 }));
}

/**
 * Where a typed burn sits on the slider: the nearest position (half away from zero), held within the slider's
 * ends; null when the text is not a decimal. The typed value itself is kept as typed: the slider only shows it.
 */
export function sliderPosition(scale: BurnSliderScale, burn: DecimalText): number | null {
  const parsed = parseDecimal(burn);
  if (!parsed.ok) return null;
  const nearest = divideHalfAwayFromZero(parsed.value, scale.step, 0);
  if (nearest < 0n) return 0;
  return nearest > BigInt(scale.maxPosition) ? scale.maxPosition : Number(nearest);
}


// ── One feature's burn, typed or from the slider ─────────────────────────────────────────────────────────────────

/** The burn a feature is rebalanced by: its first tier's burn when it burns by tiers, else its flat burn. */
export function headlineBurn(feature: Feature): DecimalText {
  return feature.tiers && feature.tiers.length > 0 ? feature.tiers[0].burnPerUnit : feature.burnPerUnit;
}

/**
 * burn × after ÷ before, exactly when it fits MAX_BURN_DECIMALS, else rounded half away from zero there; text
 * that is not a decimal is returned as it is.
 */
function rescaledBurn(burn: DecimalText, before: ExactDecimal, after: ExactDecimal): DecimalText {
  const parsed = parseDecimal(burn);
  if (!parsed.ok) return burn;
  const product = multiplyDecimals(parsed.value, after);
  const rounded = divideHalfAwayFromZero(product, before, MAX_BURN_DECIMALS);
  return formatDecimal(normalise({ digits: rounded, decimals: MAX_BURN_DECIMALS }));
}

/**
 * The book with a feature's headline burn set to `burn` as typed. A flat feature takes it as its burn; a tiered
 * feature takes it as its first tier's burn (and flat burn), and its other tiers keep their proportion to the first
 * (rounded as rescaledBurn says), so a rebalance moves the whole schedule. A burn that is not yet a positive
 * decimal changes only the first tier, for validation to report.
 */
export function withFeatureBurn(book: PriceBook, featureKey: string, burn: string): PriceBook {
  const index = book.features.findIndex((feature) => feature.key === featureKey);
  if (index < 0) return book;
  const feature = book.features[index];
  let changed: Feature;
  if (!feature.tiers || feature.tiers.length === 0) {
    changed = { ...feature, burnPerUnit: burn };
  } else {
    const before = parseDecimal(feature.tiers[0].burnPerUnit);
    const after = parseDecimal(burn);
    const proportional = before.ok && after.ok && before.value.digits > 0n && after.value.digits > 0n;
    const tiers = feature.tiers.map((tier, tierIndex) => {
      if (tierIndex === 0) return { ...tier, burnPerUnit: burn };
      return proportional && before.ok && after.ok ? { ...tier, burnPerUnit: rescaledBurn(tier.burnPerUnit, before.value, after.value) } : tier;
    });
    changed = { ...feature, burnPerUnit: burn, tiers };
  }
  const features = book.features.slice();
  features[index] = changed;
  return { ...book, features };
}

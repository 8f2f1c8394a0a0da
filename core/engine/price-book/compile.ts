// Compiles a validated price book into the integer tables the replay's hot loop reads.
// Every decimal is turned into exact integers here, once; the replay never sees a decimal text.

import { parseDecimal, scaledFromText, type ExactDecimal } from '../decimal/decimal-text';
import { MONEY_DECIMALS, QUANTITY_DECIMALS } from '../decimal/scales';
import type { ConsumptionOrder, DecimalText, Feature, PriceBook } from './model';

export const DAY_MS = 86_400_000;

export enum RoundingCode {
  /** Exact: the part below one credit unit is carried to the customer's next event of the feature. */
  Carry = 0,
  Up = 1,
  /** Half-up to the nearest credit unit. */
  Nearest = 2,
}

export enum PolicyCode {
  Block = 0,
  Overage = 1,
  AutoTopUp = 2,
  NegativeBalance = 3,
  /** Customers without a plan buy the smallest pack that covers the shortfall. */
  BuyPack = 4,
}

export enum IncludedExpiryCode {
  EndOfPeriod = 0,
  Days = 1,
  Never = 2,
}

/**
 * The burn of q millionths of a unit inside tier i is q × tierMultiplier[i] / divisor credit units, exactly.
 * Tier bounds are cumulative millionths of a unit per billing period; the last bound is +Infinity.
 */
export interface CompiledFeature {
  key: string;
  name: string;
  unitLabel: string;
  rounding: RoundingCode;
  tierUpToMicros: Float64Array;
  tierMultiplier: Float64Array;
  divisor: number;
  /** True when every tier's multiplier and the divisor are safe integers (else the replay computes in BigInt). */
  fitsDoubles: boolean;
  tierMultiplierBig: bigint[];
  divisorBig: bigint;
  /** Unit cost as an exact decimal, or null. */
  unitCost: ExactDecimal | null;
}

export interface CompiledPlan {
  key: string;
  periodMonths: number;
  feeMicros: number;
  includedUnits: number;
  includedExpiry: IncludedExpiryCode;
  includedExpiryMs: number;
  /** Rollover cap: units, or a percent of the included credits as numerator / 10^decimals; -1 when no rollover. */
  rolloverCapUnits: number;
  rolloverPercent: ExactDecimal | null;
  rolloverExpiresAfterPeriods: number;
  policy: PolicyCode;
  overagePriceMicrosPerCredit: number;
  topUpPack: number;
  topUpThresholdUnits: number;
  negativeLimitUnits: number;
}

export interface CompiledPack {
  key: string;
  units: number;
  priceMicros: number;
  /** Lifetime in ms, or +Infinity. */
  lifetimeMs: number;
}

export interface CompiledBook {
  book: PriceBook;
  creditDecimals: number;
  /** 10^creditDecimals: ledger units per credit. */
  creditScale: number;
  consumptionOrder: ConsumptionOrder;
  /** Expected breakage rate for proportional recognition, or null for recognition at expiry. */
  expectedBreakage: ExactDecimal | null;
  features: CompiledFeature[];
  featureIndexByKey: Map<string, number>;
  plans: CompiledPlan[];
  planIndexByKey: Map<string, number>;
  packs: CompiledPack[];
  /** Pack indices by ascending units (ties by price, then book order): the ladder pack buyers climb. */
  packsBySize: number[];
  promotionUnits: number;
  promotionLifetimeMs: number;
}

function safeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new Error(`${what} is too large to replay exactly`);
  }
  return Number(value);
}

function exact(text: DecimalText, what: string): ExactDecimal {
  const parsed = parseDecimal(text);
  if (!parsed.ok) throw new Error(`${what} ${parsed.reason}`);
  return parsed.value;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function compileFeature(feature: Feature, creditDecimals: number): CompiledFeature {
  const tiers = feature.tiers && feature.tiers.length > 0 ? feature.tiers : [{ upToUnits: null, burnPerUnit: feature.burnPerUnit }];
  const rates = tiers.map((tier, i) => exact(tier.burnPerUnit, `feature ${feature.key} tier ${i} burn`));
  const maxDecimals = Math.max(...rates.map((rate) => rate.decimals));
  // burn units = qMicros × digits × 10^cd / (10^QUANTITY_DECIMALS × 10^decimals), over one common divisor.
  let divisor = 10n ** BigInt(QUANTITY_DECIMALS + maxDecimals);
  let multipliers = rates.map((rate) => rate.digits * 10n ** BigInt(maxDecimals - rate.decimals + creditDecimals));
  const common = multipliers.reduce((acc, m) => gcd(acc, m), divisor);
  if (common > 1n) {
    divisor /= common;
    multipliers = multipliers.map((m) => m / common);
  }
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  const fitsDoubles = divisor <= limit && multipliers.every((m) => m <= limit);
  const upTo = tiers.map((tier) =>
    tier.upToUnits === null || tier.upToUnits === undefined ? Infinity : safeNumber(scaledFromText(tier.upToUnits, QUANTITY_DECIMALS), `feature ${feature.key} tier bound`),
  );
  upTo[upTo.length - 1] = Infinity;
  return {
    key: feature.key,
    name: feature.name,
    unitLabel: feature.unitLabel,
    rounding: feature.rounding === 'up' ? RoundingCode.Up : feature.rounding === 'nearest' ? RoundingCode.Nearest : RoundingCode.Carry,
    tierUpToMicros: Float64Array.from(upTo),
    tierMultiplier: Float64Array.from(multipliers.map((m) => (fitsDoubles ? Number(m) : 0))),
    divisor: fitsDoubles ? Number(divisor) : 0,
    fitsDoubles,
    tierMultiplierBig: multipliers,
    divisorBig: divisor,
    unitCost: feature.unitCost === undefined ? null : exact(feature.unitCost, `feature ${feature.key} unit cost`),
  };
}

function units(text: DecimalText, creditDecimals: number, what: string): number {
  return safeNumber(scaledFromText(text, creditDecimals), what);
}

function money(text: DecimalText, what: string): number {
  return safeNumber(scaledFromText(text, MONEY_DECIMALS), what);
}

function lifetimeMs(expiry: { kind: 'days'; days: number } | { kind: 'never' }): number {
  return expiry.kind === 'days' ? expiry.days * DAY_MS : Infinity;
}

/** Compiles a book that validatePriceBook accepted; throws on anything the validator refuses. */
export function compilePriceBook(book: PriceBook): CompiledBook {
  const cd = book.creditDecimals;
  const features = book.features.map((feature) => compileFeature(feature, cd));
  const packs: CompiledPack[] = book.packs.map((pack) => ({
    key: pack.key,
    units: units(pack.credits, cd, `pack ${pack.key} credits`) + units(pack.bonusCredits ?? '0', cd, `pack ${pack.key} bonus`),
    priceMicros: money(pack.price, `pack ${pack.key} price`),
    lifetimeMs: lifetimeMs(pack.expiry),
  }));
  const packIndexByKey = new Map(book.packs.map((pack, i) => [pack.key, i]));
  const packsBySize = packs
    .map((_, i) => i)
    .filter((i) => packs[i].units > 0)
    .sort((a, b) => packs[a].units - packs[b].units || packs[a].priceMicros - packs[b].priceMicros || a - b);

  const plans: CompiledPlan[] = book.plans.map((plan) => {
    const included = units(plan.includedCredits, cd, `plan ${plan.key} included credits`);
    const policy = plan.whenExhausted;
    const rollover = plan.rollover;
    return {
      key: plan.key,
      periodMonths: plan.period === 'year' ? 12 : 1,
      feeMicros: money(plan.fee, `plan ${plan.key} fee`),
      includedUnits: included,
      includedExpiry:
        plan.includedExpiry.kind === 'end-of-period' ? IncludedExpiryCode.EndOfPeriod : plan.includedExpiry.kind === 'days' ? IncludedExpiryCode.Days : IncludedExpiryCode.Never,
      includedExpiryMs: plan.includedExpiry.kind === 'days' ? plan.includedExpiry.days * DAY_MS : Infinity,
      rolloverCapUnits: rollover.kind === 'credits' ? units(rollover.credits, cd, `plan ${plan.key} rollover cap`) : rollover.kind === 'percent' ? 0 : -1,
      rolloverPercent: rollover.kind === 'percent' ? exact(rollover.percent, `plan ${plan.key} rollover percent`) : null,
      rolloverExpiresAfterPeriods: rollover.kind === 'none' ? 0 : rollover.expiresAfterPeriods,
      policy:
        policy.kind === 'block'
          ? PolicyCode.Block
          : policy.kind === 'overage'
            ? PolicyCode.Overage
            : policy.kind === 'auto-top-up'
              ? PolicyCode.AutoTopUp
              : PolicyCode.NegativeBalance,
      overagePriceMicrosPerCredit: policy.kind === 'overage' ? money(policy.pricePerCredit, `plan ${plan.key} overage price`) : 0,
      topUpPack: policy.kind === 'auto-top-up' ? (packIndexByKey.get(policy.packKey) ?? -1) : -1,
      topUpThresholdUnits: policy.kind === 'auto-top-up' ? units(policy.thresholdCredits, cd, `plan ${plan.key} top-up threshold`) : 0,
      negativeLimitUnits: policy.kind === 'negative-balance' ? units(policy.limitCredits, cd, `plan ${plan.key} negative limit`) : 0,
    };
  });
  for (const plan of plans) {
    if (plan.policy === PolicyCode.AutoTopUp && (plan.topUpPack < 0 || packs[plan.topUpPack].units <= 0)) {
      throw new Error(`plan ${plan.key} tops up with an unknown or empty pack`);
    }
  }

  return {
    book,
    creditDecimals: cd,
    creditScale: 10 ** cd,
    consumptionOrder: book.consumptionOrder,
    expectedBreakage: book.breakage.method === 'proportional' ? exact(book.breakage.expectedRate, 'expected breakage rate') : null,
    features,
    featureIndexByKey: new Map(features.map((feature, i) => [feature.key, i])),
    plans,
    planIndexByKey: new Map(plans.map((plan, i) => [plan.key, i])),
    packs,
    packsBySize,
    promotionUnits: book.promotions ? units(book.promotions.signUpCredits, cd, 'sign-up credits') : 0,
    promotionLifetimeMs: book.promotions ? lifetimeMs(book.promotions.expiry) : Infinity,
  };
}

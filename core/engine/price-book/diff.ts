// What changed between two versions of a price book, in words a pricing team reads: features, plans and packs are
// matched by key (never by position), each changed field is one change with before and after as canonical text,
// decimal amounts carry their percent change, and a pure reordering is reported because it changes the content
// hash. Two books with equal canonical JSON have no changes.

import { decimalDisplay, moneyDisplay } from './amount-text';
import type { ChangeContext, ChangeEntity, PriceBookChange } from './change-list';
import { ChangeList } from './change-list';
import {
  describeBreakage,
  describeIncludedExpiry,
  describePackExpiry,
  describeRollover,
  describeTiers,
  describeWhenExhausted,
} from './describe-book';
import type { BurnTier, Feature, Pack, PackExpiry, Plan, PriceBook, Promotions } from './model';

export type { AmountUnit, ChangeEntity, ChangeKind, PriceBookChange } from './change-list';
export { percentChangeText } from './change-list';

export interface PriceBookDiff {
  /**
   * Book fields, then features, plans and packs (each in the after book's order, then removals, then a change of
   * order), then the promotions.
   */
  changes: PriceBookChange[];
}

function diffTiers(
  list: ChangeList,
  context: ChangeContext,
  before: BurnTier[] | undefined,
  after: BurnTier[] | undefined,
): void {
  if (!before || !after || before.length !== after.length) {
    // Tiers have no keys: a different number of tiers is one change of the whole schedule.
    const describe = (tiers: BurnTier[] | undefined) => (tiers === undefined ? undefined : describeTiers(tiers));
    list.text(context, 'tiers', 'tiers', describe(before), describe(after), false);
    return;
  }
  before.forEach((tier, index) => {
    const other = after[index];
    const label = `tier ${index + 1}`;
    const field = `tiers[${index}]`;
    if (tier.upToUnits !== null && other.upToUnits !== null) {
      list.decimal(context, `${field}.upToUnits`, `${label} upper bound`, 'units', tier.upToUnits, other.upToUnits);
    } else if (tier.upToUnits !== other.upToUnits) {
      const bound = (value: BurnTier['upToUnits']) => (value === null ? 'open' : `${decimalDisplay(value)} units`);
      list.text(context, `${field}.upToUnits`, `${label} upper bound`, bound(tier.upToUnits), bound(other.upToUnits), false);
    }
    list.decimal(context, `${field}.burnPerUnit`, `${label} burn per unit`, 'credits', tier.burnPerUnit, other.burnPerUnit);
  });
}

function diffFeature(list: ChangeList, context: ChangeContext, before: Feature, after: Feature): void {
  list.text(context, 'name', 'name', before.name, after.name, true);
  list.text(context, 'unitLabel', 'unit label', before.unitLabel, after.unitLabel, true);
  list.decimal(context, 'burnPerUnit', 'burn per unit', 'credits', before.burnPerUnit, after.burnPerUnit);
  diffTiers(list, context, before.tiers, after.tiers);
  list.text(context, 'rounding', 'rounding', before.rounding, after.rounding, false);
  list.decimal(context, 'unitCost', 'unit cost', 'money', before.unitCost, after.unitCost);
}

function diffPlan(list: ChangeList, context: ChangeContext, before: Plan, after: Plan, currencies: [string, string]): void {
  list.text(context, 'name', 'name', before.name, after.name, true);
  list.text(context, 'period', 'billing period', before.period, after.period, false);
  list.decimal(context, 'fee', 'fee', 'money', before.fee, after.fee);
  list.decimal(context, 'includedCredits', 'included credits', 'credits', before.includedCredits, after.includedCredits);

  const expiry = [before.includedExpiry, after.includedExpiry] as const;
  if (expiry[0].kind === 'days' && expiry[1].kind === 'days') {
    list.whole(context, 'includedExpiry.days', 'included credits expire after', 'days', expiry[0].days, expiry[1].days);
  } else {
    list.text(context, 'includedExpiry', 'included credits expire', describeIncludedExpiry(expiry[0]), describeIncludedExpiry(expiry[1]), false);
  }

  const rollover = [before.rollover, after.rollover] as const;
  if (rollover[0].kind === 'percent' && rollover[1].kind === 'percent') {
    list.decimal(context, 'rollover.percent', 'rollover percent', 'percent', rollover[0].percent, rollover[1].percent);
  } else if (rollover[0].kind === 'credits' && rollover[1].kind === 'credits') {
    list.decimal(context, 'rollover.credits', 'rollover credits', 'credits', rollover[0].credits, rollover[1].credits);
  } else {
    list.text(context, 'rollover', 'rollover', describeRollover(rollover[0]), describeRollover(rollover[1]), false);
  }
  const periods = rollover.map((side) => (side.kind === 'none' ? null : side.expiresAfterPeriods));
  if (rollover[0].kind === rollover[1].kind && periods[0] !== null && periods[1] !== null) {
    list.whole(context, 'rollover.expiresAfterPeriods', 'rolled-over credits expire after', 'periods', periods[0], periods[1]);
  }

  const rule = [before.whenExhausted, after.whenExhausted] as const;
  if (rule[0].kind === 'overage' && rule[1].kind === 'overage') {
    list.decimal(context, 'whenExhausted.pricePerCredit', 'overage price per credit', 'money', rule[0].pricePerCredit, rule[1].pricePerCredit);
  } else if (rule[0].kind === 'auto-top-up' && rule[1].kind === 'auto-top-up') {
    list.text(context, 'whenExhausted.packKey', 'top-up pack', rule[0].packKey, rule[1].packKey, true);
    list.decimal(context, 'whenExhausted.thresholdCredits', 'top-up threshold', 'credits', rule[0].thresholdCredits, rule[1].thresholdCredits);
  } else if (rule[0].kind === 'negative-balance' && rule[1].kind === 'negative-balance') {
    list.decimal(context, 'whenExhausted.limitCredits', 'negative balance limit', 'credits', rule[0].limitCredits, rule[1].limitCredits);
  } else {
    const [beforeText, afterText] = [describeWhenExhausted(rule[0], currencies[0]), describeWhenExhausted(rule[1], currencies[1])];
    list.text(context, 'whenExhausted', 'when credits run out', beforeText, afterText, false);
  }
}

function diffExpiry(list: ChangeList, context: ChangeContext, credits: string, before: PackExpiry, after: PackExpiry): void {
  if (before.kind === 'days' && after.kind === 'days') {
    list.whole(context, 'expiry.days', `${credits} expire after`, 'days', before.days, after.days);
  } else {
    list.text(context, 'expiry', `${credits} expire`, describePackExpiry(before), describePackExpiry(after), false);
  }
}

function diffPack(list: ChangeList, context: ChangeContext, before: Pack, after: Pack): void {
  list.text(context, 'name', 'name', before.name, after.name, true);
  list.decimal(context, 'credits', 'credits', 'credits', before.credits, after.credits);
  list.decimal(context, 'bonusCredits', 'bonus credits', 'credits', before.bonusCredits, after.bonusCredits);
  list.decimal(context, 'price', 'price', 'money', before.price, after.price);
  diffExpiry(list, context, 'credits', before.expiry, after.expiry);
}

function diffPromotions(list: ChangeList, before: Promotions | undefined, after: Promotions | undefined): void {
  const path = '$.promotions';
  const context: ChangeContext = { entity: 'promotions', key: null, subject: 'Sign-up promotion', beforePath: path, afterPath: path };
  if (before && after) {
    list.decimal(context, 'signUpCredits', 'sign-up credits', 'credits', before.signUpCredits, after.signUpCredits);
    diffExpiry(list, context, 'sign-up credits', before.expiry, after.expiry);
    return;
  }
  const present = after ?? before;
  if (!present) return;
  const detail = `: ${decimalDisplay(present.signUpCredits)} credits, expiring ${describePackExpiry(present.expiry)}`;
  const kind = after ? 'added' : 'removed';
  list.entity(context, kind, 'sign-up credits', `Sign-up promotion ${kind}${detail}`);
}

function diffBook(list: ChangeList, before: PriceBook, after: PriceBook): void {
  const context: ChangeContext = { entity: 'book', key: null, subject: 'Price book', beforePath: '$', afterPath: '$' };
  list.whole(context, 'schemaVersion', 'schema version', 'none', before.schemaVersion, after.schemaVersion);
  list.text(context, 'id', 'id', before.id, after.id, true);
  list.text(context, 'name', 'name', before.name, after.name, true);
  list.text(context, 'version', 'version label', before.version, after.version, true);
  list.text(context, 'description', 'description', before.description, after.description, true);
  list.text(context, 'currency', 'currency', before.currency, after.currency, false);
  list.whole(context, 'creditDecimals', 'credit decimals', 'none', before.creditDecimals, after.creditDecimals);
  list.text(context, 'consumptionOrder', 'consumption order', before.consumptionOrder, after.consumptionOrder, false);
  const breakage = [before.breakage, after.breakage] as const;
  if (breakage[0].method === 'proportional' && breakage[1].method === 'proportional') {
    list.decimal(context, 'breakage.expectedRate', 'expected breakage rate', 'rate', breakage[0].expectedRate, breakage[1].expectedRate);
  } else {
    list.text(context, 'breakage', 'breakage', describeBreakage(breakage[0]), describeBreakage(breakage[1]), false);
  }
}

/** Pairs items by key; a repeated key (only in an invalid book) pairs its n-th occurrences on either side. */
function matchByKey<T extends { key: string }>(
  before: T[],
  after: T[],
): { pairs: [number | null, number][]; removed: number[] } {
  const unmatched = new Map<string, number[]>();
  before.forEach((item, index) => unmatched.set(item.key, [...(unmatched.get(item.key) ?? []), index]));
  const pairs = after.map((item, index): [number | null, number] => [unmatched.get(item.key)?.shift() ?? null, index]);
  const removed = [...unmatched.values()].flat().sort((a, b) => a - b);
  return { pairs, removed };
}

interface KeyedSection<T> {
  list: 'features' | 'plans' | 'packs';
  entity: ChangeEntity;
  noun: string;
  diffItem: (list: ChangeList, context: ChangeContext, before: T, after: T) => void;
  /** What an added item is, after its name: ": 49.00 USD per month with 5000 credits". */
  detail: (item: T) => string;
}

function diffKeyed<T extends { key: string; name: string }>(
  list: ChangeList,
  section: KeyedSection<T>,
  before: T[],
  after: T[],
): void {
  const { pairs, removed } = matchByKey(before, after);
  const contextOf = (key: string, beforeIndex: number | null, afterIndex: number | null): ChangeContext => ({
    entity: section.entity,
    key,
    subject: `${section.noun} "${key}"`,
    beforePath: beforeIndex === null ? '' : `$.${section.list}[${beforeIndex}]`,
    afterPath: afterIndex === null ? '' : `$.${section.list}[${afterIndex}]`,
  });
  for (const [beforeIndex, afterIndex] of pairs) {
    const item = after[afterIndex];
    const context = contextOf(item.key, beforeIndex, afterIndex);
    if (beforeIndex === null) {
      list.entity(context, 'added', item.name, `${context.subject} ("${item.name}") added${section.detail(item)}`);
    } else {
      section.diffItem(list, context, before[beforeIndex], item);
    }
  }
  for (const beforeIndex of removed) {
    const item = before[beforeIndex];
    const context = contextOf(item.key, beforeIndex, null);
    list.entity(context, 'removed', item.name, `${context.subject} ("${item.name}") removed`);
  }
  const afterKeys = new Set(after.map((item) => item.key));
  const beforeKeys = new Set(before.map((item) => item.key));
  const commonBefore = before.map((item) => item.key).filter((key) => afterKeys.has(key));
  const commonAfter = after.map((item) => item.key).filter((key) => beforeKeys.has(key));
  if (commonBefore.some((key, index) => key !== commonAfter[index])) {
    const path = `$.${section.list}`;
    const subject = `${section.list[0].toUpperCase()}${section.list.slice(1)}`;
    list.order({ entity: section.entity, key: null, subject, beforePath: path, afterPath: path }, commonBefore, commonAfter);
  }
}

/** The changes from `before` to `after`; both books must be structurally sound (validated). */
export function diffPriceBooks(before: PriceBook, after: PriceBook): PriceBookDiff {
  const list = new ChangeList(before.currency, after.currency);
  const currencies: [string, string] = [before.currency, after.currency];
  diffBook(list, before, after);
  diffKeyed<Feature>(list, {
    list: 'features',
    entity: 'feature',
    noun: 'Feature',
    diffItem: diffFeature,
    detail: (feature) =>
      feature.tiers?.length
        ? `: burns by tiers (${describeTiers(feature.tiers)}), per ${feature.unitLabel}`
        : `: burns ${decimalDisplay(feature.burnPerUnit)} credits per ${feature.unitLabel}`,
  }, before.features, after.features);
  diffKeyed<Plan>(list, {
    list: 'plans',
    entity: 'plan',
    noun: 'Plan',
    diffItem: (changes, context, planBefore, planAfter) => diffPlan(changes, context, planBefore, planAfter, currencies),
    detail: (plan) => `: ${moneyDisplay(plan.fee, after.currency)} per ${plan.period} with ${decimalDisplay(plan.includedCredits)} credits`,
  }, before.plans, after.plans);
  diffKeyed<Pack>(list, {
    list: 'packs',
    entity: 'pack',
    noun: 'Pack',
    diffItem: diffPack,
    detail: (pack) => {
      const bonus = pack.bonusCredits === undefined ? '' : ` + ${decimalDisplay(pack.bonusCredits)} bonus`;
      return `: ${decimalDisplay(pack.credits)} credits${bonus} for ${moneyDisplay(pack.price, after.currency)}`;
    },
  }, before.packs, after.packs);
  diffPromotions(list, before.promotions, after.promotions);
  return { changes: list.changes };
}

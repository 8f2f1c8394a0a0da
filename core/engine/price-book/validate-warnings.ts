// Warnings: a book that replays fine but probably does not do what its authors meant — packs priced against volume,
// credits that expire mid-period, rollovers that can never happen, overage cheaper than credits, burns that round
// to nothing. Each has its own code; none stops a replay or an export.

import type { ExactDecimal } from '../decimal/decimal-text';
import { compareDecimals, formatScaled } from '../decimal/decimal-text';
import { creditsText, moneyRatioText, moneyText } from './amount-text';
import type { ExactRatio } from './exact-arithmetic';
import { ZERO, addDecimals, compareRatios, exactOf, multiplyDecimals } from './exact-arithmetic';
import type { Feature, Pack, Plan, PriceBook } from './model';
import type { IssueList } from './validation-issue';
import type { KeyedList, Place } from './validation-place';
import { BOOK_PLACE, fieldPath, itemPlace } from './validation-place';
import { validCreditDecimals } from './validate-rules';

/** The shortest a period can be, in days: included credits expiring sooner die before some periods end. */
const SHORTEST_PERIOD_DAYS: Record<Plan['period'], number> = { month: 28, year: 365 };
const PERIOD_NOUN: Record<Plan['period'], string> = { month: 'a month', year: 'a year' };

interface PricedCredits {
  /** How a sentence names where the credits come from: 'pack "large"'. */
  source: string;
  pricePerCredit: ExactRatio;
}

function packTotalCredits(pack: Pack): ExactDecimal {
  return addDecimals(exactOf(pack.credits), pack.bonusCredits === undefined ? ZERO : exactOf(pack.bonusCredits));
}

/** Packs that give credits for a price, as price per credit; packs with errors (no credits, negative) left out. */
function pricedPacks(book: PriceBook): (PricedCredits & { pack: Pack; index: number; total: ExactDecimal })[] {
  return book.packs.flatMap((pack, index) => {
    const total = packTotalCredits(pack);
    const price = exactOf(pack.price);
    if (total.digits <= 0n || price.digits < 0n) return [];
    return [{ pack, index, total, source: `pack "${pack.key}"`, pricePerCredit: { numerator: price, denominator: total } }];
  });
}

function planFeePerCredit(plan: Plan): PricedCredits | null {
  const included = exactOf(plan.includedCredits);
  const fee = exactOf(plan.fee);
  if (included.digits <= 0n || fee.digits < 0n) return null;
  return { source: 'its own included credits', pricePerCredit: { numerator: fee, denominator: included } };
}

function checkNamesAndKeys(book: PriceBook, issues: IssueList): void {
  if (book.features.length === 0) {
    issues.warning('no_features', '$.features', 'The price book has no features, so no usage can be priced.');
  }
  if (book.name.trim() === '') {
    issues.warning('empty_name', '$.name', `${BOOK_PLACE.subject} has no name; reports and the editor will show it blank.`);
  }
  const lists: KeyedList[] = ['features', 'plans', 'packs'];
  for (const list of lists) {
    book[list].forEach((item: Feature | Plan | Pack, index: number) => {
      const place = itemPlace(list, index, item.key);
      if (item.name.trim() === '') {
        issues.warning('empty_name', fieldPath(place, 'name'), `${place.subject} has no name; reports and the editor will show it blank.`);
      }
      const trimmed = item.key.trim();
      if (trimmed !== item.key && trimmed !== '') {
        issues.warning(
          'key_whitespace',
          fieldPath(place, 'key'),
          `${place.subject} has spaces at the start or end of its key; anything that refers to "${trimmed}" will not match it.`,
        );
      }
    });
  }
}

function checkPackPricing(book: PriceBook, issues: IssueList): void {
  const packs = pricedPacks(book);
  for (const larger of packs) {
    let cheaperSmaller: (typeof packs)[number] | null = null;
    for (const smaller of packs) {
      if (compareDecimals(smaller.total, larger.total) >= 0) continue;
      if (compareRatios(smaller.pricePerCredit, larger.pricePerCredit) >= 0) continue;
      if (!cheaperSmaller || compareRatios(smaller.pricePerCredit, cheaperSmaller.pricePerCredit) < 0) cheaperSmaller = smaller;
    }
    if (!cheaperSmaller) continue;
    const place = itemPlace('packs', larger.index, larger.pack.key);
    const offer = (pack: (typeof packs)[number]) =>
      `(${creditsText(pack.total)} for ${moneyText(exactOf(pack.pack.price), book.currency)})`;
    issues.warning(
      'pack_costs_more_per_credit',
      fieldPath(place, 'price'),
      `${place.subject} ${offer(larger)} costs ${moneyRatioText(larger.pricePerCredit, book.currency)} per credit, ` +
        `more than the smaller pack "${cheaperSmaller.pack.key}" ${offer(cheaperSmaller)} at ` +
        `${moneyRatioText(cheaperSmaller.pricePerCredit, book.currency)} per credit; buying more credits should not ` +
        'cost more per credit.',
    );
  }
}

function checkIncludedCredits(plan: Plan, place: Place, book: PriceBook, issues: IssueList): void {
  const expiry = plan.includedExpiry;
  const shortest = SHORTEST_PERIOD_DAYS[plan.period];
  if (expiry.kind === 'days' && Number.isInteger(expiry.days) && expiry.days >= 1 && expiry.days < shortest) {
    issues.warning(
      'included_expire_before_period_end',
      `${place.path}.includedExpiry.days`,
      `${place.subject}: included credits expire after ${expiry.days} days, before ${PERIOD_NOUN[plan.period]} ends ` +
        `(${shortest} days at the shortest); customers lose them before the period is over.`,
    );
  }
  const rollover = plan.rollover;
  if (rollover.kind !== 'none' && expiry.kind !== 'end-of-period') {
    const lifetime = expiry.kind === 'never' ? 'they never expire' : `they expire after ${expiry.days} days`;
    issues.warning(
      'rollover_without_period_expiry',
      `${place.path}.rollover`,
      `${place.subject} rolls over unused credits, but its included credits do not expire at the end of the period ` +
        `(${lifetime}); the rollover has no effect.`,
    );
  }
  if (rollover.kind === 'percent' && exactOf(rollover.percent).digits === 0n) {
    issues.warning(
      'rollover_zero',
      `${place.path}.rollover.percent`,
      `${place.subject} rolls over 0% of its included credits; the rollover has no effect.`,
    );
  }
  if (rollover.kind === 'credits' && exactOf(rollover.credits).digits === 0n) {
    issues.warning(
      'rollover_zero',
      `${place.path}.rollover.credits`,
      `${place.subject} rolls over at most 0 credits; the rollover has no effect.`,
    );
  }
  const fee = exactOf(plan.fee);
  if (fee.digits > 0n && exactOf(plan.includedCredits).digits === 0n) {
    issues.warning(
      'fee_without_included_credits',
      `${place.path}.includedCredits`,
      `${place.subject} charges a fee of ${moneyText(fee, book.currency)} but includes no credits; the fee is ` +
        'recognised as revenue when charged, not as credits are used.',
    );
  }
}

function checkWhenExhausted(plan: Plan, place: Place, book: PriceBook, issues: IssueList): void {
  const rule = plan.whenExhausted;
  const path = `${place.path}.whenExhausted`;
  if (rule.kind === 'overage') {
    const price = exactOf(rule.pricePerCredit);
    const overage: ExactRatio = { numerator: price, denominator: { digits: 1n, decimals: 0 } };
    const own = planFeePerCredit(plan);
    const sources: PricedCredits[] = [...(own ? [own] : []), ...pricedPacks(book)];
    let cheapest: PricedCredits | null = null;
    for (const source of sources) {
      if (!cheapest || compareRatios(source.pricePerCredit, cheapest.pricePerCredit) < 0) cheapest = source;
    }
    if (cheapest && price.digits >= 0n && compareRatios(overage, cheapest.pricePerCredit) < 0) {
      issues.warning(
        'overage_below_cost_basis',
        `${path}.pricePerCredit`,
        `${place.subject} bills overage at ${moneyText(price, book.currency)} per credit, below its cheapest paid ` +
          `credits (${cheapest.source} at ${moneyRatioText(cheapest.pricePerCredit, book.currency)} per credit); ` +
          'customers would rather run dry and pay overage.',
      );
    }
  }
  if (rule.kind === 'block' && book.packs.length === 0) {
    issues.warning(
      'blocking_plan_without_packs',
      path,
      `${place.subject} blocks usage when credits run out, and this book has no packs to buy; its customers must ` +
        'wait for the next period.',
    );
  }
  if (rule.kind === 'auto-top-up') {
    const pack = book.packs.find((candidate) => candidate.key === rule.packKey);
    const threshold = exactOf(rule.thresholdCredits);
    if (pack && compareDecimals(packTotalCredits(pack), threshold) <= 0) {
      issues.warning(
        'auto_top_up_below_threshold',
        `${path}.thresholdCredits`,
        `${place.subject} tops up with pack "${pack.key}" (${creditsText(packTotalCredits(pack))}) when the balance ` +
          `falls below ${creditsText(threshold)}; from an empty balance one pack does not lift it back above the ` +
          'threshold, so customers may be charged for several packs at once.',
      );
    }
  }
  if (rule.kind === 'negative-balance' && exactOf(rule.limitCredits).digits === 0n) {
    issues.warning(
      'negative_balance_limit_zero',
      `${path}.limitCredits`,
      `${place.subject} allows a negative balance down to 0 credits, which blocks usage just as "block" does.`,
    );
  }
}

/** The burns in force for a feature: its tiers when it has some, else its flat burn. */
function lowestBurn(feature: Feature): ExactDecimal {
  const burns = feature.tiers && feature.tiers.length > 0 ? feature.tiers.map((tier) => exactOf(tier.burnPerUnit)) : [exactOf(feature.burnPerUnit)];
  return burns.reduce((lowest, burn) => (compareDecimals(burn, lowest) < 0 ? burn : lowest));
}

function checkRounding(feature: Feature, place: Place, creditDecimals: number, issues: IssueList): void {
  const burn = lowestBurn(feature);
  if (burn.digits <= 0n) return;
  const smallest: ExactDecimal = { digits: 1n, decimals: creditDecimals };
  const smallestText = formatScaled(1, creditDecimals, 0);
  const burns = `${place.subject} burns ${feature.tiers?.length ? 'as little as ' : ''}${creditsText(burn)} per unit`;
  if (feature.rounding === 'up' && compareDecimals(burn, smallest) < 0) {
    issues.warning(
      'rounding_up_below_credit_unit',
      fieldPath(place, 'rounding'),
      `${burns}, less than the smallest credit amount (${smallestText}), and rounds up: every event burns at least ` +
        `${creditsText(smallest)}, however small.`,
    );
  }
  const half: ExactDecimal = { digits: 5n, decimals: creditDecimals + 1 };
  if (feature.rounding === 'nearest' && compareDecimals(burn, half) < 0) {
    issues.warning(
      'rounding_nearest_below_half_unit',
      fieldPath(place, 'rounding'),
      `${burns}, less than half the smallest credit amount (${smallestText}), and rounds to the nearest amount: a ` +
        'one-unit event burns nothing.',
    );
  }
}

/** With tiers the flat burn is never used (model.ts: tiers replace it); a different figure there misleads readers. */
function checkFlatBurnUnderTiers(feature: Feature, place: Place, issues: IssueList): void {
  const first = feature.tiers?.[0];
  if (!first) return;
  const flat = exactOf(feature.burnPerUnit);
  const firstBurn = exactOf(first.burnPerUnit);
  if (compareDecimals(flat, firstBurn) === 0) return;
  issues.warning(
    'burn_replaced_by_tiers',
    fieldPath(place, 'burnPerUnit'),
    `${place.subject} has tiers, so its burn per unit of ${creditsText(flat)} is not used; its first tier burns ` +
      `${creditsText(firstBurn)} per unit. Set the burn per unit to the first tier's to avoid confusion.`,
  );
}

/** The dearest a credit is ever sold for in this book: the most any burn can bring in. */
function highestPricePerCredit(book: PriceBook): ExactRatio | null {
  const prices: ExactRatio[] = pricedPacks(book).map((priced) => priced.pricePerCredit);
  for (const plan of book.plans) {
    const own = planFeePerCredit(plan);
    if (own) prices.push(own.pricePerCredit);
    if (plan.whenExhausted.kind === 'overage') {
      prices.push({ numerator: exactOf(plan.whenExhausted.pricePerCredit), denominator: { digits: 1n, decimals: 0 } });
    }
  }
  let highest: ExactRatio | null = null;
  for (const price of prices) if (!highest || compareRatios(price, highest) > 0) highest = price;
  return highest;
}

function checkUnitCost(feature: Feature, place: Place, book: PriceBook, highest: ExactRatio | null, issues: IssueList): void {
  if (feature.unitCost === undefined || highest === null) return;
  const cost = exactOf(feature.unitCost);
  const burn = lowestBurn(feature);
  if (cost.digits <= 0n || burn.digits <= 0n) return;
  const revenue: ExactRatio = { numerator: multiplyDecimals(burn, highest.numerator), denominator: highest.denominator };
  if (compareRatios(revenue, { numerator: cost, denominator: { digits: 1n, decimals: 0 } }) >= 0) return;
  issues.warning(
    'feature_burn_below_unit_cost',
    fieldPath(place, 'unitCost'),
    `${place.subject} costs ${moneyText(cost, book.currency)} per unit to serve, but its ` +
      `${feature.tiers?.length ? 'lowest ' : ''}burn of ${creditsText(burn)} per unit brings in at most ` +
      `${moneyRatioText(revenue, book.currency)} (at the highest price per credit in this book, ` +
      `${moneyRatioText(highest, book.currency)}); every such unit loses money.`,
  );
}

/** Adds a warning for every trap found in a structurally sound book. */
export function checkWarnings(book: PriceBook, issues: IssueList): void {
  checkNamesAndKeys(book, issues);
  const creditDecimals = validCreditDecimals(book);
  const highest = highestPricePerCredit(book);
  book.features.forEach((feature, index) => {
    const place = itemPlace('features', index, feature.key);
    checkFlatBurnUnderTiers(feature, place, issues);
    if (creditDecimals !== null) checkRounding(feature, place, creditDecimals, issues);
    checkUnitCost(feature, place, book, highest, issues);
  });
  book.plans.forEach((plan, index) => {
    const place = itemPlace('plans', index, plan.key);
    checkIncludedCredits(plan, place, book, issues);
    checkWhenExhausted(plan, place, book, issues);
  });
  checkPackPricing(book, issues);
}

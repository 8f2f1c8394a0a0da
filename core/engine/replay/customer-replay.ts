// Replays one customer's history against a compiled book: the plan's periods (fee, included credits, overage
// settlement), expiries and month-end snapshots, interleaved in time with the customer's usage events.
// At one instant the order is fixed: month-end snapshot (state strictly before the instant), expiries, the period
// boundary, then usage — so a grant expiring at t never pays for an event at t.

import type { UsageDataset } from '../usage/dataset';
import { addMonthsMs } from '../calendar/civil-date';
import { IncludedExpiryCode, PolicyCode, RoundingCode, type CompiledBook, type CompiledPlan } from '../price-book/compile';
import { allocate, mulDivHalfUp } from '../ledger/revenue-allocation';
import { computeBurn, createBurnResult } from '../ledger/burn-calculator';
import { CustomerLedger, GRANT_KIND_NAMES, GrantKindCode } from '../ledger/customer-ledger';
import type { LedgerAdjustment } from './replay-types';
import type { ReplayAccumulators } from './replay-accumulators';
import type { ReplayWindow } from './replay-window';

// Module-local copies of the codes the per-event path compares against: a transpiling loader may turn an imported
// binding into a getter call on every read.
const CARRY = RoundingCode.Carry;
const UP = RoundingCode.Up;

export class CustomerReplay {
  readonly ledger: CustomerLedger;
  private readonly periodUsageMicros: Float64Array;
  private readonly carry: Float64Array;
  private readonly carryBig: bigint[];
  private readonly hasBigCarry: Uint8Array;
  private pendingBigCarry = 0n;
  private pendingBigCarryFeature = -1;
  private readonly overageUnits: Float64Array;
  private readonly burn = createBurnResult();
  /** Dataset feature index → book feature index. */
  private readonly featureMap: Int32Array;
  /** Features with one tier whose burn fits doubles: their burn is computed inline (see settleEvent). */
  private readonly singleRate: Uint8Array;
  private readonly rateMultiplier: Float64Array;
  private readonly rateDivisor: Float64Array;
  private readonly rateRounding: Uint8Array;
  private readonly featureEvents: Float64Array;
  private readonly featureUnitsMicros: Float64Array;

  // Per-customer state.
  private customer = 0;
  private plan: CompiledPlan | null = null;
  /** The plan's auto top-up threshold, or -Infinity when the plan does not top up. */
  private topUpThresholdUnits = -Infinity;
  private startMs = 0;
  private endMs = 0;
  private periodIndex = 0;
  private nextPeriodMs = Infinity;
  private month = 0;
  private nextMonthEndMs = Infinity;
  private adjustments: readonly LedgerAdjustment[] = [];
  private adjustmentCursor = 0;
  private nextAdjustmentMs = Infinity;

  constructor(
    private readonly book: CompiledBook,
    private readonly dataset: UsageDataset,
    private readonly window: ReplayWindow,
    private readonly totals: ReplayAccumulators,
    featureMap: Int32Array,
    private readonly adjustmentsByCustomer: ReadonlyMap<number, readonly LedgerAdjustment[]> = new Map(),
  ) {
    const featureCount = book.features.length;
    this.ledger = new CustomerLedger(book, totals);
    this.periodUsageMicros = new Float64Array(featureCount);
    this.carry = new Float64Array(featureCount);
    this.carryBig = new Array<bigint>(featureCount).fill(0n);
    this.hasBigCarry = new Uint8Array(featureCount);
    this.overageUnits = new Float64Array(featureCount);
    this.featureMap = featureMap;
    this.singleRate = Uint8Array.from(book.features, (feature) => (feature.fitsDoubles && feature.tierMultiplier.length === 1 ? 1 : 0));
    this.rateMultiplier = Float64Array.from(book.features, (feature) => feature.tierMultiplier[0]);
    this.rateDivisor = Float64Array.from(book.features, (feature) => feature.divisor);
    this.rateRounding = Uint8Array.from(book.features, (feature) => feature.rounding);
    this.featureEvents = totals.features.events;
    this.featureUnitsMicros = totals.features.unitsMicros;
  }

  /** Replays customer c (plan index or -1) completely; returns the number of its events inside the window. */
  run(c: number, planIndex: number): number {
    const customers = this.dataset.customers;
    const window = this.window;
    this.customer = c;
    this.plan = planIndex >= 0 ? this.book.plans[planIndex] : null;
    this.topUpThresholdUnits = this.plan !== null && this.plan.policy === PolicyCode.AutoTopUp ? this.plan.topUpThresholdUnits : -Infinity;
    this.startMs = customers.startMs[c];
    this.endMs = Math.min(customers.endMs[c], window.toMs);
    const from = this.dataset.customerEventStart[c];
    const to = this.dataset.customerEventStart[c + 1];
    if (this.startMs >= window.toMs) return 0;

    this.month = window.monthOf(this.startMs);
    this.nextMonthEndMs = window.monthEndMs[this.month];
    this.ledger.reset(c, this.month, this.endMs);
    this.periodUsageMicros.fill(0);
    this.carry.fill(0);
    if (this.hasBigCarry.includes(1)) {
      this.carryBig.fill(0n);
      this.hasBigCarry.fill(0);
    }
    this.pendingBigCarryFeature = -1;
    this.overageUnits.fill(0);
    this.periodIndex = 0;
    this.nextPeriodMs = this.startMs;
    this.adjustments = this.adjustmentsByCustomer.get(c) ?? [];
    this.adjustmentCursor = 0;
    this.nextAdjustmentMs = this.adjustments.length > 0 ? this.adjustments[0].atMs : Infinity;

    const time = this.dataset.timeMs;
    const featureIndex = this.dataset.featureIndex;
    const quantity = this.dataset.quantityMicros;
    const featureMap = this.featureMap;
    const lastMs = window.toMs - 1;
    let next = this.nextScheduledMs();
    let done = 0;
    for (let row = from; row < to; row++) {
      const t = time[row];
      if (t > lastMs) break;
      if (t >= next) {
        this.processScheduled(t);
        next = this.nextScheduledMs();
      }
      this.settleEvent(featureMap[featureIndex[row]], quantity[row], t);
      // A purchase during the event may bring an earlier expiry; a later one only costs an idle check.
      if (this.ledger.nextExpiryMs < next) next = this.ledger.nextExpiryMs;
      done++;
    }
    this.processScheduled(lastMs);
    this.closePeriod(window.toMs, this.window.monthCount - 1);
    this.ledger.month = this.window.monthCount - 1;
    this.ledger.snapshot(this.window.monthCount - 1, window.toMs);
    this.ledger.finishCustomer();
    return done;
  }

  private nextScheduledMs(): number {
    const expiry = this.ledger.nextExpiryMs;
    let next = this.nextMonthEndMs < this.nextPeriodMs ? this.nextMonthEndMs : this.nextPeriodMs;
    if (expiry < next) next = expiry;
    if (this.nextAdjustmentMs < next) next = this.nextAdjustmentMs;
    return next;
  }

  /** Runs every scheduled step at or before t, in time order and, at one instant, snapshot → expiry → period. */
  private processScheduled(t: number): void {
    const ledger = this.ledger;
    while (true) {
      const next = this.nextScheduledMs();
      if (next > t) return;
      if (this.nextMonthEndMs === next) {
        ledger.snapshot(this.month, next);
        this.month++;
        ledger.month = this.month;
        this.nextMonthEndMs = this.month < this.window.monthCount - 1 ? this.window.monthEndMs[this.month] : Infinity;
      } else if (ledger.nextExpiryMs === next) {
        ledger.expireDue(next);
      } else if (this.nextPeriodMs === next) {
        this.periodBoundary(next);
      } else {
        this.applyAdjustment(this.adjustments[this.adjustmentCursor++]);
        this.nextAdjustmentMs = this.adjustmentCursor < this.adjustments.length ? this.adjustments[this.adjustmentCursor].atMs : Infinity;
      }
    }
  }

  /** A manual correction: adjustment credits are a new grant; a void refunds the unused remainder of grants. */
  private applyAdjustment(adjustment: LedgerAdjustment): void {
    if (adjustment.kind === 'void') {
      const kind = adjustment.grantKind === null ? null : (GRANT_KIND_NAMES.indexOf(adjustment.grantKind) as GrantKindCode);
      this.ledger.voidActive(kind, adjustment.atMs);
      return;
    }
    const c = this.customer;
    const customers = this.totals.customers;
    customers.cashMicros[c] += adjustment.priceMicros;
    customers.packsMicros[c] += adjustment.priceMicros;
    this.totals.months.cashMicros[this.month] += adjustment.priceMicros;
    this.ledger.grant(
      {
        kind: GrantKindCode.Adjustment,
        units: adjustment.credits,
        priceMicros: adjustment.priceMicros,
        atMs: adjustment.atMs,
        expiresAtMs: adjustment.expiresAtMs ?? Infinity,
        rolloverCapUnits: -1,
        rolloverExpiresAtMs: Infinity,
      },
      false,
    );
  }

  /** A billing period ends and, while the customer is active, the next begins: fee, included credits. */
  private periodBoundary(t: number): void {
    if (this.periodIndex > 0) this.closePeriod(t, this.month);
    this.periodUsageMicros.fill(0);
    if (t >= this.endMs) {
      this.nextPeriodMs = Infinity;
      return;
    }
    const plan = this.plan;
    const periodMonths = plan === null ? 1 : plan.periodMonths;
    const periodEndMs = addMonthsMs(this.startMs, (this.periodIndex + 1) * periodMonths);
    if (plan !== null) this.openPlanPeriod(plan, t, periodEndMs);
    if (this.periodIndex === 0 && this.book.promotionUnits > 0) {
      this.ledger.grant(
        {
          kind: GrantKindCode.Promotional,
          units: this.book.promotionUnits,
          priceMicros: 0,
          atMs: t,
          expiresAtMs: t + this.book.promotionLifetimeMs,
          rolloverCapUnits: -1,
          rolloverExpiresAtMs: Infinity,
        },
        false,
      );
    }
    this.periodIndex++;
    this.nextPeriodMs = periodEndMs < this.endMs ? periodEndMs : this.endMs;
  }

  private openPlanPeriod(plan: CompiledPlan, t: number, periodEndMs: number): void {
    const customers = this.totals.customers;
    const months = this.totals.months;
    const c = this.customer;
    const fee = plan.feeMicros;
    customers.cashMicros[c] += fee;
    customers.feesMicros[c] += fee;
    months.cashMicros[this.month] += fee;
    if (plan.includedUnits === 0) {
      // A fee that buys no credits is subscription revenue, recognised when charged.
      months.recognisedRevenueMicros[this.month] += fee;
      if (this.ledger.entries) this.ledger.record('fee', t, -1, -1, 0, 0, fee, fee, 0, null);
      return;
    }
    let expiresAtMs = Infinity;
    let rolloverCapUnits = -1;
    let rolloverExpiresAtMs = Infinity;
    if (plan.includedExpiry === IncludedExpiryCode.EndOfPeriod) {
      expiresAtMs = periodEndMs;
      if (plan.rolloverCapUnits >= 0) {
        rolloverCapUnits = plan.rolloverPercent
          ? Number((BigInt(plan.includedUnits) * plan.rolloverPercent.digits) / (100n * 10n ** BigInt(plan.rolloverPercent.decimals)))
          : plan.rolloverCapUnits;
        rolloverExpiresAtMs = addMonthsMs(this.startMs, (this.periodIndex + 1 + plan.rolloverExpiresAfterPeriods) * plan.periodMonths);
      }
    } else if (plan.includedExpiry === IncludedExpiryCode.Days) {
      expiresAtMs = t + plan.includedExpiryMs;
    }
    this.ledger.grant(
      { kind: GrantKindCode.Included, units: plan.includedUnits, priceMicros: fee, atMs: t, expiresAtMs, rolloverCapUnits, rolloverExpiresAtMs },
      false,
    );
  }

  /** Bills the period's overage: total credits × price per credit, half-up to a micro, split by feature exactly. */
  private closePeriod(t: number, month: number): void {
    const plan = this.plan;
    if (plan === null || plan.policy !== PolicyCode.Overage) return;
    const overage = this.overageUnits;
    let totalUnits = 0;
    for (let f = 0; f < overage.length; f++) totalUnits += overage[f];
    if (totalUnits === 0) return;
    const charge = mulDivHalfUp(totalUnits, plan.overagePriceMicrosPerCredit, this.book.creditScale);
    const features = this.totals.features;
    let cumulative = 0;
    let allocated = 0;
    for (let f = 0; f < overage.length; f++) {
      if (overage[f] === 0) continue;
      cumulative += overage[f];
      const upTo = allocate(charge, cumulative, totalUnits);
      features.revenueMicros[f] += upTo - allocated;
      allocated = upTo;
    }
    overage.fill(0);
    const c = this.customer;
    const customers = this.totals.customers;
    const months = this.totals.months;
    customers.cashMicros[c] += charge;
    customers.overageMicros[c] += charge;
    customers.overageCredits[c] += totalUnits;
    months.cashMicros[month] += charge;
    months.recognisedRevenueMicros[month] += charge;
    if (this.ledger.entries) this.ledger.record('overage-charge', t, -1, -1, 0, 0, charge, charge, 0, null);
  }

  /** One usage event: compute its burn, draw it, and when it does not fit, follow the plan's policy. */
  private settleEvent(f: number, quantityMicros: number, t: number): void {
    let need: number;
    let carry = 0;
    const rounding = this.rateRounding[f];
    const numerator = quantityMicros * this.rateMultiplier[f] + (rounding === CARRY ? this.carry[f] : 0);
    if (this.singleRate[f] === 1 && numerator <= Number.MAX_SAFE_INTEGER) {
      // The common case, inline: one rate, exact in doubles. Same rules as computeBurn (burn-calculator.ts).
      const divisor = this.rateDivisor[f];
      need = Math.floor(numerator / divisor);
      let remainder = numerator - need * divisor;
      if (remainder < 0) {
        need -= 1;
        remainder += divisor;
      } else if (remainder >= divisor) {
        need += 1;
        remainder -= divisor;
      }
      if (rounding === CARRY) carry = remainder;
      else if (rounding === UP) need += remainder > 0 ? 1 : 0;
      else need += remainder * 2 >= divisor ? 1 : 0;
    } else {
      const out = this.burn;
      computeBurn(this.book.features[f], quantityMicros, this.periodUsageMicros[f], this.carry[f], this.carryBig[f], out);
      need = out.units;
      carry = out.carry;
      // Remainders too large for a double are rare (huge divisors); they live in carryBig, flagged per feature.
      const big = out.carryBig !== 0n;
      if (big || this.hasBigCarry[f] === 1) {
        this.pendingBigCarry = out.carryBig;
        this.pendingBigCarryFeature = f;
      }
    }
    const ledger = this.ledger;
    if (ledger.entries) ledger.eventUnitsMicros = quantityMicros;
    if (need > ledger.balance) {
      this.totals.customers.ranDry[this.customer] = 1;
      if (!this.coverShortfall(f, need, quantityMicros, t)) {
        this.pendingBigCarryFeature = -1;
        return;
      }
    } else if (need > 0) {
      ledger.burn(f, need, t);
    }
    this.periodUsageMicros[f] += quantityMicros;
    this.carry[f] = carry;
    if (this.pendingBigCarryFeature === f) {
      this.carryBig[f] = this.pendingBigCarry;
      this.hasBigCarry[f] = this.pendingBigCarry !== 0n ? 1 : 0;
      this.pendingBigCarryFeature = -1;
    }
    this.featureEvents[f] += 1;
    this.featureUnitsMicros[f] += quantityMicros;
    if (ledger.balance < this.topUpThresholdUnits) {
      const plan = this.plan as CompiledPlan;
      this.buyPacks(plan.topUpPack, plan.topUpThresholdUnits - ledger.balance, t);
    }
  }

  /** Applies the exhaustion policy to a burn larger than the balance; false when the event is blocked. */
  private coverShortfall(f: number, need: number, quantityMicros: number, t: number): boolean {
    const ledger = this.ledger;
    const plan = this.plan;
    const policy = plan === null ? PolicyCode.BuyPack : plan.policy;
    const shortfall = need - ledger.balance;
    switch (policy) {
      case PolicyCode.Overage: {
        if (ledger.balance > 0) ledger.burn(f, ledger.balance, t);
        this.overageUnits[f] += shortfall;
        if (ledger.entries) ledger.record('overage', t, -1, f, quantityMicros, -shortfall, 0, 0, 0, null);
        return true;
      }
      case PolicyCode.AutoTopUp: {
        this.buyPacks((plan as CompiledPlan).topUpPack, shortfall, t);
        ledger.burn(f, need, t);
        return true;
      }
      case PolicyCode.NegativeBalance: {
        if (ledger.debt + shortfall > (plan as CompiledPlan).negativeLimitUnits) break;
        if (ledger.balance > 0) ledger.burn(f, ledger.balance, t);
        ledger.borrow(f, shortfall);
        if (ledger.entries) ledger.record('negative-balance', t, -1, f, quantityMicros, -shortfall, 0, 0, 0, null);
        return true;
      }
      case PolicyCode.BuyPack: {
        if (this.book.packsBySize.length === 0) break;
        this.buyPackLadder(shortfall, t);
        ledger.burn(f, need, t);
        return true;
      }
      default:
        break;
    }
    this.block(f, quantityMicros, t);
    return false;
  }

  private block(f: number, quantityMicros: number, t: number): void {
    const features = this.totals.features;
    const customers = this.totals.customers;
    features.blockedEvents[f] += 1;
    features.blockedUnitsMicros[f] += quantityMicros;
    customers.blockedEvents[this.customer] += 1;
    customers.blockedUnitsMicros[this.customer] += quantityMicros;
    if (this.ledger.entries) this.ledger.record('blocked', t, -1, f, quantityMicros, 0, 0, 0, 0, null);
  }

  /** Buys as many of pack p as it takes to add at least `units` credits, as one purchase grant. */
  private buyPacks(p: number, units: number, t: number): void {
    const pack = this.book.packs[p];
    const count = Math.ceil(units / pack.units);
    this.purchase(p, count, t);
  }

  /** A customer without a plan buys the smallest pack that covers the shortfall, or the largest ones until it does. */
  private buyPackLadder(shortfall: number, t: number): void {
    const ladder = this.book.packsBySize;
    const packs = this.book.packs;
    let left = shortfall;
    const largest = ladder[ladder.length - 1];
    if (left > packs[largest].units) {
      const count = Math.floor(left / packs[largest].units);
      this.purchase(largest, count, t);
      left -= count * packs[largest].units;
    }
    if (left > 0) {
      for (const p of ladder) {
        if (packs[p].units >= left) {
          this.purchase(p, 1, t);
          return;
        }
      }
    }
  }

  private purchase(p: number, count: number, t: number): void {
    const pack = this.book.packs[p];
    const price = pack.priceMicros * count;
    const c = this.customer;
    const customers = this.totals.customers;
    customers.cashMicros[c] += price;
    customers.packsMicros[c] += price;
    this.totals.months.cashMicros[this.month] += price;
    this.ledger.grant(
      {
        kind: GrantKindCode.Purchased,
        units: pack.units * count,
        priceMicros: price,
        atMs: t,
        expiresAtMs: t + pack.lifetimeMs,
        rolloverCapUnits: -1,
        rolloverExpiresAtMs: Infinity,
      },
      false,
    );
  }
}

// One customer's credit ledger during a replay: grants in a typed-array pool, the active ones kept in consumption
// order, burns drawn across them, expiry, rollover, voids and month-end snapshots. Balances are derived from the
// grants' remaining credits; money moves only through the cumulative allocation, so per grant
//   price = recognised + breakage + moved by rollover + refunded + liability        (exactly, at every moment)
// The pool is reused from customer to customer: the aggregate replay allocates no object per event or grant.

import type { CompiledBook } from '../price-book/compile';
import type { GrantKind, LedgerEntry, LedgerEntryKind } from '../replay/replay-types';
import { LIABILITY_BUCKETS, type ReplayAccumulators } from '../replay/replay-accumulators';
import { allocate } from './revenue-allocation';
import { compareGrants, orderRank } from './consumption-order';

export enum GrantKindCode {
  Promotional = 0,
  Adjustment = 1,
  Included = 2,
  Purchased = 3,
}

export const GRANT_KIND_NAMES: readonly GrantKind[] = ['promotional', 'adjustment', 'included', 'purchased'];

const DAY_MS = 86_400_000;

export interface GrantRequest {
  kind: GrantKindCode;
  units: number;
  priceMicros: number;
  atMs: number;
  expiresAtMs: number;
  /** Units of this grant that may roll over when it expires; -1 when it does not roll over. */
  rolloverCapUnits: number;
  /** When credits rolled from this grant expire. */
  rolloverExpiresAtMs: number;
}

export class CustomerLedger {
  kind = new Uint8Array(16);
  rolled = new Uint8Array(16);
  grantedAtMs = new Float64Array(16);
  expiresAtMs = new Float64Array(16);
  units = new Float64Array(16);
  remaining = new Float64Array(16);
  used = new Float64Array(16);
  priceMicros = new Float64Array(16);
  recognisedMicros = new Float64Array(16);
  breakageMicros = new Float64Array(16);
  expectedUnits = new Float64Array(16);
  /** floor(price / units) and its remainder: the cumulative allocation without a division of the price. */
  wholeMicros = new Float64Array(16);
  restMicros = new Float64Array(16);
  rolloverCapUnits = new Float64Array(16);
  rolloverExpiresAtMs = new Float64Array(16);
  grantCount = 0;

  /** Active grants (remaining > 0), in consumption order. */
  active = new Int32Array(16);
  activeCount = 0;

  /** Sum of remaining credits of active grants. */
  balance = 0;
  /** Burns carried as a negative balance, repaid first by the next grant; split by feature for revenue. */
  debt = 0;
  readonly debtByFeature: Float64Array;
  nextExpiryMs = Infinity;

  customer = 0;
  month = 0;
  /** Rollover happens only while the customer's plan is running. */
  planEndMs = Infinity;

  /** The open batch of burns (aggregate replay): the grant they drew from, their credits, and per feature. */
  private batchGrant = -1;
  private batchUnits = 0;
  private readonly batchCredits: Float64Array;
  private lastBreakageMicros = 0;

  /** Credits this customer burned from grants so far (written to the totals when the customer is done). */
  burnedUnits = 0;

  /** Units of the event being settled, shown on its burn entries in drill-down. */
  eventUnitsMicros = 0;

  /** When set, every change is also written here as an entry (drill-down of one customer). */
  entries: LedgerEntry[] | null = null;

  private burnEntryKind: LedgerEntryKind = 'burn';
  private readonly proportionalNumerator: bigint;
  private readonly proportionalDenominator: bigint;
  private readonly proportional: boolean;
  private readonly orderCode: number;
  private readonly featureCredits: Float64Array;
  private readonly featureRevenueMicros: Float64Array;
  private readonly monthRecognisedFromCreditsMicros: Float64Array;
  private readonly monthRecognisedRevenueMicros: Float64Array;
  private readonly monthBreakageMicros: Float64Array;

  constructor(
    private readonly book: CompiledBook,
    private readonly totals: ReplayAccumulators,
  ) {
    this.debtByFeature = new Float64Array(book.features.length);
    this.batchCredits = new Float64Array(book.features.length);
    const rate = book.expectedBreakage;
    this.proportional = rate !== null && rate.digits > 0n;
    this.proportionalNumerator = rate ? rate.digits : 0n;
    this.proportionalDenominator = rate ? 10n ** BigInt(rate.decimals) : 1n;
    this.orderCode = orderRank(book.consumptionOrder);
    this.featureCredits = totals.features.credits;
    this.featureRevenueMicros = totals.features.revenueMicros;
    this.monthRecognisedFromCreditsMicros = totals.months.recognisedFromCreditsMicros;
    this.monthRecognisedRevenueMicros = totals.months.recognisedRevenueMicros;
    this.monthBreakageMicros = totals.months.breakageMicros;
  }

  reset(customer: number, month: number, planEndMs: number): void {
    if (this.batchGrant >= 0) throw new Error('invariant: a batch of burns was left open between customers');
    this.customer = customer;
    this.month = month;
    this.planEndMs = planEndMs;
    this.grantCount = 0;
    this.activeCount = 0;
    this.balance = 0;
    this.debt = 0;
    this.debtByFeature.fill(0);
    this.nextExpiryMs = Infinity;
    this.burnedUnits = 0;
  }

  /** Writes the customer's running counters to the totals. */
  finishCustomer(): void {
    this.flushBatch();
    const customers = this.totals.customers;
    customers.burned[this.customer] += this.burnedUnits;
    customers.outstanding[this.customer] = this.balance;
    customers.negativeBalance[this.customer] = this.debt;
    this.burnedUnits = 0;
  }

  // ── grants ─────────────────────────────────────────────────────────────────────────────────────────────

  /** Adds a grant (its cash is booked by the caller); it repays any negative balance first. Returns its id. */
  grant(request: GrantRequest, rolledOver: boolean): number {
    this.flushBatch();
    const g = this.allocateGrant();
    this.kind[g] = request.kind;
    this.rolled[g] = rolledOver ? 1 : 0;
    this.grantedAtMs[g] = request.atMs;
    this.expiresAtMs[g] = request.expiresAtMs;
    this.units[g] = request.units;
    this.remaining[g] = request.units;
    this.used[g] = 0;
    this.priceMicros[g] = request.priceMicros;
    this.recognisedMicros[g] = 0;
    this.breakageMicros[g] = 0;
    this.expectedUnits[g] = this.expectedUse(request.units, request.priceMicros);
    const whole = request.units > 0 ? Math.floor(request.priceMicros / request.units) : 0;
    this.wholeMicros[g] = whole;
    this.restMicros[g] = request.priceMicros - whole * request.units;
    this.rolloverCapUnits[g] = request.rolloverCapUnits;
    this.rolloverExpiresAtMs[g] = request.rolloverExpiresAtMs;

    if (!rolledOver) {
      const customers = this.totals.customers;
      const c = this.customer;
      if (request.kind === GrantKindCode.Included) customers.grantedIncluded[c] += request.units;
      else if (request.kind === GrantKindCode.Purchased) customers.grantedPurchased[c] += request.units;
      else if (request.kind === GrantKindCode.Promotional) customers.grantedPromotional[c] += request.units;
      else customers.grantedAdjustment[c] += request.units;
      this.totals.months.issuedMicros[this.month] += request.priceMicros;
    }
    if (request.units > 0) {
      this.insertActive(g);
      this.balance += request.units;
    }
    if (this.entries) {
      this.record(rolledOver ? 'rollover' : 'grant', request.atMs, g, -1, 0, request.units, rolledOver ? 0 : request.priceMicros, 0, 0, request.expiresAtMs);
    }
    if (this.debt > 0 && request.units > 0) this.repayDebt(request.atMs);
    return g;
  }

  private allocateGrant(): number {
    if (this.grantCount === this.kind.length) this.grow();
    return this.grantCount++;
  }

  private grow(): void {
    const size = this.kind.length * 2;
    const widen = <T extends Float64Array | Uint8Array | Int32Array>(array: T): T => {
      const next = new (array.constructor as new (n: number) => T)(size);
      next.set(array);
      return next;
    };
    this.kind = widen(this.kind);
    this.rolled = widen(this.rolled);
    this.grantedAtMs = widen(this.grantedAtMs);
    this.expiresAtMs = widen(this.expiresAtMs);
    this.units = widen(this.units);
    this.remaining = widen(this.remaining);
    this.used = widen(this.used);
    this.priceMicros = widen(this.priceMicros);
    this.recognisedMicros = widen(this.recognisedMicros);
    this.breakageMicros = widen(this.breakageMicros);
    this.expectedUnits = widen(this.expectedUnits);
    this.wholeMicros = widen(this.wholeMicros);
    this.restMicros = widen(this.restMicros);
    this.rolloverCapUnits = widen(this.rolloverCapUnits);
    this.rolloverExpiresAtMs = widen(this.rolloverExpiresAtMs);
    this.active = widen(this.active);
  }

  /** Credits expected to be used of a grant under proportional breakage: C − floor(C × rate), at least 1. */
  private expectedUse(units: number, priceMicros: number): number {
    if (!this.proportional || priceMicros === 0 || units === 0) return units;
    const breakage = (BigInt(units) * this.proportionalNumerator) / this.proportionalDenominator;
    const expected = units - Number(breakage);
    return expected < 1 ? 1 : expected;
  }

  private insertActive(g: number): void {
    let position = this.activeCount;
    while (position > 0 && compareGrants(this, this.orderCode, g, this.active[position - 1]) < 0) {
      this.active[position] = this.active[position - 1];
      position--;
    }
    this.active[position] = g;
    this.activeCount++;
    if (this.expiresAtMs[g] < this.nextExpiryMs) this.nextExpiryMs = this.expiresAtMs[g];
  }

  private removeActiveAt(position: number): void {
    const g = this.active[position];
    for (let i = position + 1; i < this.activeCount; i++) this.active[i - 1] = this.active[i];
    this.activeCount--;
    if (this.expiresAtMs[g] === this.nextExpiryMs) this.refreshNextExpiry();
  }

  private refreshNextExpiry(): void {
    let next = Infinity;
    for (let i = 0; i < this.activeCount; i++) {
      const at = this.expiresAtMs[this.active[i]];
      if (at < next) next = at;
    }
    this.nextExpiryMs = next;
  }

  // ── burns ──────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Draws `units` (≤ balance) for `feature` across the active grants in consumption order.
   * In the aggregate replay, a burn that leaves the first grant open only counts its credits into the open batch
   * of that grant; the batch's revenue is recognised in one step when it is flushed (see flushBatch).
   */
  burn(feature: number, units: number, atMs: number): void {
    if (this.entries === null) {
      const g = this.active[0];
      const available = this.remaining[g];
      if (units < available) {
        if (this.batchGrant !== g) {
          if (this.batchGrant >= 0) this.flushBatch();
          this.batchGrant = g;
        }
        this.remaining[g] = available - units;
        this.balance -= units;
        this.batchUnits += units;
        this.batchCredits[feature] += units;
        return;
      }
    }
    this.flushBatch();
    let left = units;
    while (left > 0) {
      const g = this.active[0];
      const available = this.remaining[g];
      const piece = left < available ? left : available;
      this.balance -= piece;
      this.remaining[g] -= piece;
      this.featureCredits[feature] += piece;
      const revenue = this.recognise(g, piece);
      this.featureRevenueMicros[feature] += revenue;
      if (this.entries) this.record(this.burnEntryKind, atMs, g, feature, this.eventUnitsMicros, -piece, 0, revenue, this.lastBreakageMicros, this.expiresAtMs[g]);
      left -= piece;
      if (this.remaining[g] === 0) this.removeActiveAt(0);
    }
  }

  /**
   * Recognises the open batch: the grant's cumulative allocation steps once for all its credits, and the step is
   * split across the batch's features by cumulative allocation too, so every micro lands on exactly one feature.
   * Called before anything else reads or changes the grants, and before the month moves on.
   */
  flushBatch(): void {
    const g = this.batchGrant;
    if (g < 0) return;
    const units = this.batchUnits;
    this.batchGrant = -1;
    this.batchUnits = 0;
    const revenue = this.recognise(g, units);
    const credits = this.batchCredits;
    let cumulative = 0;
    let allocated = 0;
    for (let f = 0; f < credits.length; f++) {
      const part = credits[f];
      if (part === 0) continue;
      credits[f] = 0;
      this.featureCredits[f] += part;
      cumulative += part;
      const upTo = cumulative === units ? revenue : allocate(revenue, cumulative, units);
      this.featureRevenueMicros[f] += upTo - allocated;
      allocated = upTo;
    }
  }

  /**
   * Marks `units` more of grant g as used and recognises the step of its cumulative allocation (and, under
   * proportional breakage, of its breakage); returns the revenue step. The caller has already taken the units
   * from `remaining`.
   */
  private recognise(g: number, units: number): number {
    const used = this.used[g] + units;
    this.used[g] = used;
    this.burnedUnits += units;
    this.lastBreakageMicros = 0;
    const price = this.priceMicros[g];
    if (price === 0) return 0;
    const total = this.units[g];
    // floor(price × used / total) = whole × used + floor(rest × used / total), exact while rest × used is safe.
    let recognised = price;
    if (used !== total) {
      const rest = this.restMicros[g];
      const product = rest * used;
      let part: number;
      if (product <= Number.MAX_SAFE_INTEGER) {
        // floor(product / total), corrected for the double division's last bit (as floorDivide does).
        part = Math.floor(product / total);
        const remainder = product - part * total;
        if (remainder < 0) part -= 1;
        else if (remainder >= total) part += 1;
      } else {
        part = Number((BigInt(rest) * BigInt(used)) / BigInt(total));
      }
      recognised = this.wholeMicros[g] * used + part;
    }
    const revenue = recognised - this.recognisedMicros[g];
    this.recognisedMicros[g] = recognised;
    const month = this.month;
    this.monthRecognisedFromCreditsMicros[month] += revenue;
    this.monthRecognisedRevenueMicros[month] += revenue;
    const expected = this.expectedUnits[g];
    if (expected !== total) {
      // B46: recognise breakage in step with use; capped at the price, and reversed if use passes the estimate.
      const withBreakage = used >= expected ? price : allocate(price, used, expected);
      const breakageToDate = withBreakage - recognised;
      const breakage = breakageToDate - this.breakageMicros[g];
      this.breakageMicros[g] = breakageToDate;
      this.monthBreakageMicros[month] += breakage;
      this.lastBreakageMicros = breakage;
    }
    return revenue;
  }

  /** Carries `units` of `feature` as a negative balance. */
  borrow(feature: number, units: number): void {
    this.debt += units;
    this.debtByFeature[feature] += units;
  }

  private repayDebt(atMs: number): void {
    for (let feature = 0; feature < this.debtByFeature.length && this.balance > 0; feature++) {
      const owed = this.debtByFeature[feature];
      if (owed === 0) continue;
      const paid = owed < this.balance ? owed : this.balance;
      this.debtByFeature[feature] -= paid;
      this.debt -= paid;
      this.burnEntryKind = 'debt-repayment';
      this.burn(feature, paid, atMs);
      this.burnEntryKind = 'burn';
    }
  }

  // ── expiry, rollover, void ─────────────────────────────────────────────────────────────────────────────

  /** Expires every grant whose expiry is at or before atMs (expiry is exclusive: it pays nothing at atMs). */
  expireDue(atMs: number): void {
    this.flushBatch();
    while (this.nextExpiryMs <= atMs) {
      const due = this.nextExpiryMs;
      let found = -1;
      for (let i = 0; i < this.activeCount; i++) {
        if (this.expiresAtMs[this.active[i]] === due) {
          found = i;
          break;
        }
      }
      if (found < 0) throw new Error('invariant: next expiry points at no active grant');
      const g = this.active[found];
      this.removeActiveAt(found);
      this.expireGrant(g, due);
    }
  }

  private expireGrant(g: number, atMs: number): void {
    const left = this.remaining[g];
    const cash = this.priceMicros[g] - this.recognisedMicros[g] - this.breakageMicros[g];
    let rolledUnits = 0;
    let rolledCash = 0;
    const cap = this.rolloverCapUnits[g];
    if (cap > 0 && atMs < this.planEndMs) {
      rolledUnits = left < cap ? left : cap;
      rolledCash = allocate(cash, rolledUnits, left);
    }
    const expiredUnits = left - rolledUnits;
    const breakage = cash - rolledCash;
    this.remaining[g] = 0;
    this.balance -= left;
    this.breakageMicros[g] += breakage;
    this.totals.customers.expired[this.customer] += expiredUnits;
    this.totals.months.breakageMicros[this.month] += breakage;
    if (this.entries) this.record('expiry', atMs, g, -1, 0, -expiredUnits, 0, 0, breakage, this.expiresAtMs[g]);
    if (rolledUnits > 0) {
      this.totals.customers.rolledOver[this.customer] += rolledUnits;
      if (this.entries) this.record('rollover', atMs, g, -1, 0, -rolledUnits, 0, 0, 0, this.expiresAtMs[g]);
      this.grant(
        {
          kind: this.kind[g],
          units: rolledUnits,
          priceMicros: rolledCash,
          atMs,
          expiresAtMs: this.rolloverExpiresAtMs[g],
          rolloverCapUnits: -1,
          rolloverExpiresAtMs: Infinity,
        },
        true,
      );
    }
  }

  /** Voids the unused remainder of grant g (a refund or correction): its unrecognised cash is refunded. */
  voidGrant(g: number, atMs: number): void {
    this.flushBatch();
    const position = this.findActive(g);
    if (position < 0) return;
    const left = this.remaining[g];
    const cash = this.priceMicros[g] - this.recognisedMicros[g] - this.breakageMicros[g];
    this.removeActiveAt(position);
    this.remaining[g] = 0;
    this.balance -= left;
    this.totals.customers.voided[this.customer] += left;
    this.totals.months.refundedMicros[this.month] += cash;
    if (this.entries) this.record('void', atMs, g, -1, 0, -left, -cash, 0, 0, this.expiresAtMs[g]);
  }

  /** Voids every active grant of a kind (or all when kind is null); returns the credits voided. */
  voidActive(kind: GrantKindCode | null, atMs: number): number {
    let voided = 0;
    for (let i = this.activeCount - 1; i >= 0; i--) {
      const g = this.active[i];
      if (kind !== null && this.kind[g] !== kind) continue;
      voided += this.remaining[g];
      this.voidGrant(g, atMs);
    }
    return voided;
  }

  private findActive(g: number): number {
    for (let i = 0; i < this.activeCount; i++) if (this.active[i] === g) return i;
    return -1;
  }

  // ── month end ──────────────────────────────────────────────────────────────────────────────────────────

  /** Adds this customer's unused credits and their liability, aged by time to expiry, to month m's closing. */
  snapshot(month: number, monthEndMs: number): void {
    this.flushBatch();
    const months = this.totals.months;
    let liability = 0;
    let outstanding = 0;
    const base = month * LIABILITY_BUCKETS;
    for (let i = 0; i < this.activeCount; i++) {
      const g = this.active[i];
      outstanding += this.remaining[g];
      const cash = this.priceMicros[g] - this.recognisedMicros[g] - this.breakageMicros[g];
      if (cash === 0) continue;
      liability += cash;
      const expires = this.expiresAtMs[g];
      const days = (expires - monthEndMs) / DAY_MS;
      const bucket = expires === Infinity ? 4 : days <= 30 ? 0 : days <= 90 ? 1 : days <= 365 ? 2 : 3;
      months.liabilityByBucketMicros[base + bucket] += cash;
    }
    months.closingLiabilityMicros[month] += liability;
    months.creditsOutstanding[month] += outstanding;
  }

  /** Unrecognised cash of the active grants: this customer's liability now. */
  liabilityMicros(): number {
    this.flushBatch();
    let liability = 0;
    for (let i = 0; i < this.activeCount; i++) {
      const g = this.active[i];
      liability += this.priceMicros[g] - this.recognisedMicros[g] - this.breakageMicros[g];
    }
    return liability;
  }

  // ── drill-down ─────────────────────────────────────────────────────────────────────────────────────────

  /** Records a ledger entry for drill-down; only called when `entries` is set. */
  record(
    kind: LedgerEntryKind,
    atMs: number,
    g: number,
    feature: number,
    unitsMicros: number,
    credits: number,
    cashMicros: number,
    revenueMicros: number,
    breakageMicros: number,
    expiresAtMs: number | null,
  ): void {
    if (!this.entries) return;
    this.entries.push({
      sequence: this.entries.length + 1,
      atMs,
      kind,
      grantId: g >= 0 ? g + 1 : null,
      grantKind: g >= 0 ? GRANT_KIND_NAMES[this.kind[g]] : null,
      featureKey: feature >= 0 ? this.book.features[feature].key : null,
      unitsMicros,
      credits,
      cashMicros,
      revenueMicros,
      breakageMicros,
      expiresAtMs: expiresAtMs === null || expiresAtMs === Infinity ? null : expiresAtMs,
      balanceAfter: this.balance - this.debt,
    });
  }
}

// Running totals of one replay, in typed arrays indexed by feature, month and customer.
// The ledger adds into these as it goes; the report is read off them at the end. Nothing here is per event.

export class FeatureTotals {
  readonly events: Float64Array;
  readonly unitsMicros: Float64Array;
  readonly credits: Float64Array;
  readonly revenueMicros: Float64Array;
  readonly blockedEvents: Float64Array;
  readonly blockedUnitsMicros: Float64Array;

  constructor(count: number) {
    this.events = new Float64Array(count);
    this.unitsMicros = new Float64Array(count);
    this.credits = new Float64Array(count);
    this.revenueMicros = new Float64Array(count);
    this.blockedEvents = new Float64Array(count);
    this.blockedUnitsMicros = new Float64Array(count);
  }
}

/** Liability age buckets by time from the month's end to the grant's expiry. */
export const LIABILITY_BUCKET_LIMITS_DAYS = [30, 90, 365] as const;
export const LIABILITY_BUCKETS = 5; // ≤30, 31–90, 91–365, >365 days, never

export class MonthTotals {
  readonly cashMicros: Float64Array;
  readonly recognisedRevenueMicros: Float64Array;
  readonly recognisedFromCreditsMicros: Float64Array;
  readonly breakageMicros: Float64Array;
  readonly issuedMicros: Float64Array;
  readonly refundedMicros: Float64Array;
  readonly closingLiabilityMicros: Float64Array;
  /** month × LIABILITY_BUCKETS */
  readonly liabilityByBucketMicros: Float64Array;
  readonly creditsOutstanding: Float64Array;

  constructor(readonly count: number) {
    this.cashMicros = new Float64Array(count);
    this.recognisedRevenueMicros = new Float64Array(count);
    this.recognisedFromCreditsMicros = new Float64Array(count);
    this.breakageMicros = new Float64Array(count);
    this.issuedMicros = new Float64Array(count);
    this.refundedMicros = new Float64Array(count);
    this.closingLiabilityMicros = new Float64Array(count);
    this.liabilityByBucketMicros = new Float64Array(count * LIABILITY_BUCKETS);
    this.creditsOutstanding = new Float64Array(count);
  }
}

export class CustomerTotals {
  readonly cashMicros: Float64Array;
  readonly feesMicros: Float64Array;
  readonly packsMicros: Float64Array;
  readonly overageMicros: Float64Array;
  readonly grantedIncluded: Float64Array;
  readonly grantedPurchased: Float64Array;
  readonly grantedPromotional: Float64Array;
  readonly grantedAdjustment: Float64Array;
  readonly burned: Float64Array;
  readonly expired: Float64Array;
  readonly rolledOver: Float64Array;
  readonly voided: Float64Array;
  readonly overageCredits: Float64Array;
  readonly outstanding: Float64Array;
  readonly negativeBalance: Float64Array;
  readonly blockedEvents: Float64Array;
  readonly blockedUnitsMicros: Float64Array;
  readonly ranDry: Uint8Array;

  constructor(count: number) {
    this.cashMicros = new Float64Array(count);
    this.feesMicros = new Float64Array(count);
    this.packsMicros = new Float64Array(count);
    this.overageMicros = new Float64Array(count);
    this.grantedIncluded = new Float64Array(count);
    this.grantedPurchased = new Float64Array(count);
    this.grantedPromotional = new Float64Array(count);
    this.grantedAdjustment = new Float64Array(count);
    this.burned = new Float64Array(count);
    this.expired = new Float64Array(count);
    this.rolledOver = new Float64Array(count);
    this.voided = new Float64Array(count);
    this.overageCredits = new Float64Array(count);
    this.outstanding = new Float64Array(count);
    this.negativeBalance = new Float64Array(count);
    this.blockedEvents = new Float64Array(count);
    this.blockedUnitsMicros = new Float64Array(count);
    this.ranDry = new Uint8Array(count);
  }
}

export interface ReplayAccumulators {
  features: FeatureTotals;
  months: MonthTotals;
  customers: CustomerTotals;
}

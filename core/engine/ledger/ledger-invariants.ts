// The ledger's identities, stated once. The replay asserts them after every run; the tests check them over
// thousands of random books and histories. A failure here is a bug in the engine, never bad input.

import type { ReplayReport } from '../report/report-model';

/** Returns every identity that does not hold exactly (empty when the report is consistent). */
export function findInvariantViolations(report: ReplayReport): string[] {
  const problems: string[] = [];
  const credits = report.reconciliation.credits;
  if (credits.granted !== credits.burned + credits.expired + credits.voided + credits.outstanding) {
    problems.push(`credits: granted ${credits.granted} ≠ burned ${credits.burned} + expired ${credits.expired} + voided ${credits.voided} + outstanding ${credits.outstanding}`);
  }
  const money = report.reconciliation.money;
  const explained = money.recognisedFromCreditsMicros + money.breakageMicros + money.refundedMicros + money.closingLiabilityMicros;
  if (money.cashAllocatedToCreditsMicros !== explained) {
    problems.push(`money: cash allocated to credits ${money.cashAllocatedToCreditsMicros} ≠ recognised + breakage + refunded + liability ${explained}`);
  }
  let opening = 0;
  for (const month of report.months) {
    if (month.openingLiabilityMicros !== opening) problems.push(`${month.month}: opening liability ${month.openingLiabilityMicros} ≠ previous closing ${opening}`);
    const closing = month.openingLiabilityMicros + month.issuedMicros - month.recognisedFromCreditsMicros - month.breakageMicros - month.refundedMicros;
    if (closing !== month.closingLiabilityMicros) problems.push(`${month.month}: roll-forward gives ${closing}, snapshot ${month.closingLiabilityMicros}`);
    const buckets = month.liabilityByExpiry;
    const bucketSum = buckets.within30DaysMicros + buckets.days31To90Micros + buckets.days91To365Micros + buckets.over365DaysMicros + buckets.neverMicros;
    if (bucketSum !== month.closingLiabilityMicros) problems.push(`${month.month}: liability by expiry ${bucketSum} ≠ closing ${month.closingLiabilityMicros}`);
    opening = month.closingLiabilityMicros;
  }
  for (const customer of report.customers) {
    const granted = customer.creditsGrantedIncluded + customer.creditsGrantedPurchased + customer.creditsGrantedPromotional + customer.creditsGrantedAdjustment;
    const used = customer.creditsBurned + customer.creditsExpired + customer.creditsVoided + customer.creditsEndingBalance + negativePart(customer);
    if (granted !== used) problems.push(`customer ${customer.id}: granted ${granted} ≠ burned + expired + voided + remaining ${used}`);
    if (customer.cashMicros !== customer.feesMicros + customer.packsMicros + customer.overageMicros) problems.push(`customer ${customer.id}: cash is not fees + packs + overage`);
  }
  const featureCredits = report.features.reduce((sum, feature) => sum + feature.creditsBurned, 0);
  if (featureCredits !== credits.burned) problems.push(`features burned ${featureCredits} ≠ ledger burned ${credits.burned}`);
  return problems;
}

/** The ending balance nets off the negative balance; add it back to compare with what was granted. */
function negativePart(customer: ReplayReport['customers'][number]): number {
  return customer.creditsNegativeBalance;
}

/** Throws when an identity is broken: the report must not be shown. */
export function assertInvariants(report: ReplayReport): void {
  const problems = findInvariantViolations(report);
  if (problems.length > 0) throw new Error(`invariant: the ledger does not reconcile:\n${problems.join('\n')}`);
}

// Reads the replay's accumulators off into the report. Pure arithmetic on totals: nothing here is per event.

import { formatIsoMonth } from '../calendar/civil-date';
import { assertSafeInteger } from '../decimal/scales';
import type { CompiledBook } from '../price-book/compile';
import type { UsageDataset } from '../usage/dataset';
import { ENGINE_VERSION } from '../version';
import { LIABILITY_BUCKETS, type ReplayAccumulators } from '../replay/replay-accumulators';
import type { ReplayWindow } from '../replay/replay-window';
import { percentChangeText, ratioText } from './ratio-text';
import {
  REPORT_VERSION,
  type CustomerReport,
  type FeatureReport,
  type MonthReport,
  type ReplayReport,
  type ReportBookRef,
} from './report-model';

export interface ReportInputs {
  book: CompiledBook;
  bookRef: ReportBookRef;
  dataset: UsageDataset;
  /** Dataset feature index → book feature index. */
  featureMap: Int32Array;
  window: ReplayWindow;
  totals: ReplayAccumulators;
  baseline: ReplayReport | null;
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

/** units × unit cost in micros, half-up; null without a unit cost. */
function costMicros(unitsMicros: number, cost: { digits: bigint; decimals: number } | null): number | null {
  if (cost === null) return null;
  // unitsMicros/1e6 units × digits/10^decimals currency = unitsMicros × digits / 10^decimals micros.
  const numerator = BigInt(unitsMicros) * cost.digits;
  const divisor = 10n ** BigInt(cost.decimals);
  let quotient = numerator / divisor;
  if ((numerator - quotient * divisor) * 2n >= divisor) quotient += 1n;
  return assertSafeInteger(Number(quotient), 'feature cost');
}

function featureReports(inputs: ReportInputs): FeatureReport[] {
  const { book, totals } = inputs;
  const features = totals.features;
  return book.features.map((feature, f) => {
    const cost = costMicros(features.unitsMicros[f], feature.unitCost);
    const revenue = features.revenueMicros[f];
    return {
      key: feature.key,
      name: feature.name,
      unitLabel: feature.unitLabel,
      events: features.events[f],
      unitsMicros: features.unitsMicros[f],
      creditsBurned: features.credits[f],
      revenueMicros: revenue,
      effectivePricePerUnit: ratioText(revenue, features.unitsMicros[f], 9),
      blockedEvents: features.blockedEvents[f],
      blockedUnitsMicros: features.blockedUnitsMicros[f],
      costMicros: cost,
      marginMicros: cost === null ? null : revenue - cost,
    };
  });
}

function customerReports(inputs: ReportInputs): CustomerReport[] {
  const { dataset, totals, baseline } = inputs;
  const t = totals.customers;
  const baselineCash = new Map<string, number>();
  if (baseline) for (const customer of baseline.customers) baselineCash.set(customer.id, customer.cashMicros);
  const ids = dataset.customers.ids;
  const reports: CustomerReport[] = [];
  for (let c = 0; c < ids.length; c++) {
    const base = baselineCash.get(ids[c]);
    const change = base === undefined ? null : t.cashMicros[c] - base;
    reports.push({
      id: ids[c],
      planKey: dataset.customers.planKeys[c],
      segment: dataset.customers.segments[c],
      cashMicros: t.cashMicros[c],
      feesMicros: t.feesMicros[c],
      packsMicros: t.packsMicros[c],
      overageMicros: t.overageMicros[c],
      creditsGrantedIncluded: t.grantedIncluded[c],
      creditsGrantedPurchased: t.grantedPurchased[c],
      creditsGrantedPromotional: t.grantedPromotional[c],
      creditsGrantedAdjustment: t.grantedAdjustment[c],
      creditsBurned: t.burned[c],
      creditsExpired: t.expired[c],
      creditsRolledOver: t.rolledOver[c],
      creditsVoided: t.voided[c],
      creditsOverage: t.overageCredits[c],
      creditsEndingBalance: t.outstanding[c] - t.negativeBalance[c],
      creditsNegativeBalance: t.negativeBalance[c],
      blockedEvents: t.blockedEvents[c],
      blockedUnitsMicros: t.blockedUnitsMicros[c],
      ranDry: t.ranDry[c] === 1,
      billChangeMicros: change,
      billChangePercent: change === null || base === undefined ? null : percentChangeText(change, base),
    });
  }
  return reports;
}

function monthReports(inputs: ReportInputs): MonthReport[] {
  const { window, totals } = inputs;
  const m = totals.months;
  const reports: MonthReport[] = [];
  let opening = 0;
  for (let i = 0; i < window.monthCount; i++) {
    const base = i * LIABILITY_BUCKETS;
    reports.push({
      month: formatIsoMonth(window.monthStartMs[i]),
      startMs: window.monthStartMs[i],
      cashMicros: m.cashMicros[i],
      recognisedRevenueMicros: m.recognisedRevenueMicros[i],
      breakageMicros: m.breakageMicros[i],
      openingLiabilityMicros: opening,
      issuedMicros: m.issuedMicros[i],
      recognisedFromCreditsMicros: m.recognisedFromCreditsMicros[i],
      refundedMicros: m.refundedMicros[i],
      closingLiabilityMicros: m.closingLiabilityMicros[i],
      liabilityByExpiry: {
        within30DaysMicros: m.liabilityByBucketMicros[base],
        days31To90Micros: m.liabilityByBucketMicros[base + 1],
        days91To365Micros: m.liabilityByBucketMicros[base + 2],
        over365DaysMicros: m.liabilityByBucketMicros[base + 3],
        neverMicros: m.liabilityByBucketMicros[base + 4],
      },
      creditsOutstanding: m.creditsOutstanding[i],
    });
    opening = m.closingLiabilityMicros[i];
  }
  return reports;
}

export function buildReport(inputs: ReportInputs): ReplayReport {
  const { totals, dataset, window, baseline } = inputs;
  const c = totals.customers;
  const m = totals.months;
  const customers = customerReports(inputs);
  const months = monthReports(inputs);
  const granted = sum(c.grantedIncluded) + sum(c.grantedPurchased) + sum(c.grantedPromotional) + sum(c.grantedAdjustment);
  const burned = sum(c.burned);
  const expired = sum(c.expired);
  const voided = sum(c.voided);
  const outstanding = sum(c.outstanding);
  const closingLiability = window.monthCount > 0 ? m.closingLiabilityMicros[window.monthCount - 1] : 0;
  const recognisedFromCredits = sum(m.recognisedFromCreditsMicros);
  const breakage = sum(m.breakageMicros);
  const refunded = sum(m.refundedMicros);
  const issued = sum(m.issuedMicros);
  let blockedCustomers = 0;
  let ranDry = 0;
  let payingMore = 0;
  let payingLess = 0;
  let billChange = 0;
  for (const customer of customers) {
    if (customer.blockedEvents > 0) blockedCustomers++;
    if (customer.ranDry) ranDry++;
    if (customer.billChangeMicros !== null) {
      billChange += customer.billChangeMicros;
      if (customer.billChangeMicros > 0) payingMore++;
      else if (customer.billChangeMicros < 0) payingLess++;
    }
  }
  const cash = sum(c.cashMicros);
  const report: ReplayReport = {
    reportVersion: REPORT_VERSION,
    engineVersion: ENGINE_VERSION,
    book: inputs.bookRef,
    baselineBook: baseline ? baseline.book : null,
    currency: inputs.book.book.currency,
    creditDecimals: inputs.book.creditDecimals,
    moneyDecimals: 6,
    quantityDecimals: 6,
    fromMs: window.fromMs,
    toMs: window.toMs,
    customerCount: dataset.customers.ids.length,
    eventCount: dataset.eventCount,
    totals: {
      cashMicros: cash,
      feesMicros: sum(c.feesMicros),
      packsMicros: sum(c.packsMicros),
      overageMicros: sum(c.overageMicros),
      recognisedRevenueMicros: sum(m.recognisedRevenueMicros),
      breakageMicros: breakage,
      closingLiabilityMicros: closingLiability,
      creditsGranted: granted,
      creditsBurned: burned,
      creditsExpired: expired,
      creditsVoided: voided,
      creditsOutstanding: outstanding,
      creditsNegativeBalance: sum(c.negativeBalance),
      creditsOverage: sum(c.overageCredits),
      blockedEvents: sum(c.blockedEvents),
      blockedUnitsMicros: sum(c.blockedUnitsMicros),
      blockedCustomers,
      customersRanDry: ranDry,
      customersPayingMore: baseline ? payingMore : null,
      customersPayingLess: baseline ? payingLess : null,
      billChangeMicros: baseline ? billChange : null,
    },
    features: featureReports(inputs),
    customers,
    months,
    reconciliation: {
      credits: {
        granted,
        burned,
        expired,
        voided,
        outstanding,
        holds: granted === burned + expired + voided + outstanding,
      },
      money: {
        cashAllocatedToCreditsMicros: issued,
        recognisedFromCreditsMicros: recognisedFromCredits,
        breakageMicros: breakage,
        refundedMicros: refunded,
        closingLiabilityMicros: closingLiability,
        holds: issued === recognisedFromCredits + breakage + refunded + closingLiability,
      },
    },
  };
  for (const value of [cash, granted, burned, issued, closingLiability]) assertSafeInteger(value, 'report total');
  return report;
}

// Measures of a usage history's shapes, computed from the dataset's columns alone: how concentrated usage is, how
// weekends and seasons compare, how the customer base grows and churns, how bursty heavy customers are, and how
// usage splits between segments. The shape tests hold each scenario's generated history against them.

import type { UsageDataset } from '../../core/engine/usage/dataset';
import { TRIAL_SEGMENT } from '../../scenarios/generator/customer-cohort';
import { addUtcMonths, DAY_MS, dayOfWeek } from '../../scenarios/generator/usage-calendar';

export function eventsOf(dataset: UsageDataset, customer: number): number {
  return dataset.customerEventStart[customer + 1] - dataset.customerEventStart[customer];
}

/** Share of all events made by the `fraction` of customers with the most events. */
export function topCustomersShare(dataset: UsageDataset, fraction: number): number {
  const counts = dataset.customers.ids.map((_, customer) => eventsOf(dataset, customer)).sort((a, b) => b - a);
  const top = Math.ceil(counts.length * fraction);
  return counts.slice(0, top).reduce((sum, count) => sum + count, 0) / dataset.eventCount;
}

/** Events per Saturday or Sunday ÷ events per weekday, over whole UTC days of [fromMs, toMs). */
export function weekendToWeekdayRatio(dataset: UsageDataset, fromMs: number, toMs: number): number {
  const events = [0, 0];
  const days = [0, 0];
  for (let dayMs = fromMs; dayMs < toMs; dayMs += DAY_MS) days[isWeekend(dayMs) ? 1 : 0]++;
  for (let row = 0; row < dataset.eventCount; row++) events[isWeekend(dataset.timeMs[row]) ? 1 : 0]++;
  return events[1] / days[1] / (events[0] / days[0]);
}

function isWeekend(ms: number): boolean {
  const weekday = dayOfWeek(Math.floor(ms / DAY_MS));
  return weekday === 0 || weekday === 6;
}

/**
 * Events per day in month `month` (0-based from `startMs`) ÷ events per day in the months on either side inside the
 * window, counting only customers present from the first of those months to the end of the last: the same people
 * in every month compared, so growth and churn do not pass for seasonality.
 */
export function seasonalRatio(dataset: UsageDataset, startMs: number, months: number, month: number): number {
  const first = Math.max(0, month - 1);
  const last = Math.min(months - 1, month + 1);
  const fromMs = addUtcMonths(startMs, first);
  const toMs = addUtcMonths(startMs, last + 1);
  const monthFromMs = addUtcMonths(startMs, month);
  const monthToMs = addUtcMonths(startMs, month + 1);
  let inMonth = 0;
  let around = 0;
  const { startMs: starts, endMs: ends } = dataset.customers;
  for (let customer = 0; customer < starts.length; customer++) {
    if (starts[customer] > fromMs || ends[customer] < toMs) continue;
    for (let row = dataset.customerEventStart[customer]; row < dataset.customerEventStart[customer + 1]; row++) {
      const time = dataset.timeMs[row];
      if (time < fromMs || time >= toMs) continue;
      if (time >= monthFromMs && time < monthToMs) inMonth++;
      else around++;
    }
  }
  const monthDays = (monthToMs - monthFromMs) / DAY_MS;
  const aroundDays = (toMs - fromMs) / DAY_MS - monthDays;
  return inMonth / monthDays / (around / aroundDays);
}

/** Customers with at least one event in [fromMs, toMs). */
export function activeCustomers(dataset: UsageDataset, fromMs: number, toMs: number): number {
  let active = 0;
  for (let customer = 0; customer < dataset.customers.ids.length; customer++) {
    for (let row = dataset.customerEventStart[customer]; row < dataset.customerEventStart[customer + 1]; row++) {
      const time = dataset.timeMs[row];
      if (time >= fromMs && time < toMs) {
        active++;
        break;
      }
    }
  }
  return active;
}

export interface ChurnMeasure {
  /** Paying customers (not trial users) whose subscription ends inside the window. */
  churned: number;
  /** Of those, the ones that had used the product before they left. */
  churnedAfterUse: number;
  /** Events at or after a churned customer's end (must be none). */
  eventsAfterEnd: number;
}

export function churnMeasure(dataset: UsageDataset): ChurnMeasure {
  const { endMs, segments } = dataset.customers;
  const measure: ChurnMeasure = { churned: 0, churnedAfterUse: 0, eventsAfterEnd: 0 };
  for (let customer = 0; customer < endMs.length; customer++) {
    if (segments[customer] === TRIAL_SEGMENT || endMs[customer] === Number.POSITIVE_INFINITY) continue;
    measure.churned++;
    if (eventsOf(dataset, customer) > 0) measure.churnedAfterUse++;
    for (let row = dataset.customerEventStart[customer]; row < dataset.customerEventStart[customer + 1]; row++) {
      if (dataset.timeMs[row] >= endMs[customer]) measure.eventsAfterEnd++;
    }
  }
  return measure;
}

/**
 * How bursty heavy customers are: for each customer with at least `minimumEvents` events, the events of its busiest
 * UTC day ÷ its average events per day present; the median over those customers. Without bursts a day's share only
 * follows its weekday, season and noise weights, which stay within about 2.5× the average.
 */
export function busiestDayRatio(dataset: UsageDataset, windowToMs: number, minimumEvents: number): { customers: number; medianRatio: number } {
  const ratios: number[] = [];
  const { startMs, endMs } = dataset.customers;
  for (let customer = 0; customer < startMs.length; customer++) {
    const count = eventsOf(dataset, customer);
    if (count < minimumEvents) continue;
    const perDay = new Map<number, number>();
    let busiest = 0;
    for (let row = dataset.customerEventStart[customer]; row < dataset.customerEventStart[customer + 1]; row++) {
      const day = Math.floor(dataset.timeMs[row] / DAY_MS);
      const dayCount = (perDay.get(day) ?? 0) + 1;
      perDay.set(day, dayCount);
      busiest = Math.max(busiest, dayCount);
    }
    const daysPresent = (Math.min(endMs[customer], windowToMs) - startMs[customer]) / DAY_MS;
    ratios.push(busiest / (count / daysPresent));
  }
  ratios.sort((a, b) => a - b);
  return { customers: ratios.length, medianRatio: ratios.length === 0 ? 0 : ratios[Math.floor(ratios.length / 2)] };
}

export interface SegmentMeasure {
  customers: number;
  events: number;
}

/** Customers and events per segment label. */
export function segmentMeasures(dataset: UsageDataset): Map<string, SegmentMeasure> {
  const measures = new Map<string, SegmentMeasure>();
  dataset.customers.segments.forEach((segment, customer) => {
    const measure = measures.get(segment) ?? { customers: 0, events: 0 };
    measure.customers++;
    measure.events += eventsOf(dataset, customer);
    measures.set(segment, measure);
  });
  return measures;
}

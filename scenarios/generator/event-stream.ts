// Writes every customer's events straight into the dataset's typed arrays, customer by customer and in time order,
// with no object per event. A customer's events are spread over its active days by systematic sampling of the day
// weights (weekday, season, day-to-day noise, bursts), placed at integer milliseconds inside [start, end) and the
// window, sorted within the day, then given a feature and a quantity from the customer's mix.

import type { Cohort } from './customer-cohort';
import type { UsageGeneratorConfig } from './generator-config';
import type { SeededRandom } from './prng';
import { QUANTITY_TABLE_BITS } from './quantity-table';
import { DAY_MS, type UsageCalendar } from './usage-calendar';

export interface EventArrays {
  timeMs: Float64Array;
  customerIndex: Uint32Array;
  featureIndex: Uint16Array;
  quantityMicros: Float64Array;
  customerEventStart: Uint32Array;
}

/** Sorts a short run of times in place; insertion sort beats a native call for the few events of a typical day. */
function sortRun(timeMs: Float64Array, from: number, to: number): void {
  if (to - from > 32) {
    timeMs.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const value = timeMs[i];
    let j = i - 1;
    while (j >= from && timeMs[j] > value) {
      timeMs[j + 1] = timeMs[j];
      j--;
    }
    timeMs[j + 1] = value;
  }
}

// One small method per step: V8 optimises short functions called per customer far better than one long loop.
// Imported constants are copied into fields because tsx reads them through module getters.
class EventStreamWriter {
  readonly arrays: EventArrays;
  private readonly cumulativeWeight: Float64Array;
  private readonly dayMs = DAY_MS;
  private readonly tableBits = QUANTITY_TABLE_BITS;
  private readonly tableShift = 32 - QUANTITY_TABLE_BITS;
  private readonly featureCount: number;

  constructor(
    private readonly config: UsageGeneratorConfig,
    private readonly calendar: UsageCalendar,
    private readonly cohort: Cohort,
    private readonly quantityTables: Float64Array,
    private readonly random: SeededRandom,
  ) {
    const total = config.eventCount;
    this.arrays = {
      timeMs: new Float64Array(total),
      customerIndex: new Uint32Array(total),
      featureIndex: new Uint16Array(total),
      quantityMicros: new Float64Array(total),
      customerEventStart: new Uint32Array(config.customerCount + 1),
    };
    this.cumulativeWeight = new Float64Array(calendar.dayCount + 1);
    this.featureCount = config.features.length;
  }

  /** Fills cumulativeWeight[0 ..= endDay − firstDay] with the running sum of the customer's day weights. */
  private weighDays(fromMs: number, toMs: number, firstDay: number, endDay: number): void {
    const { dayMs, random, cumulativeWeight } = this;
    const { startMs, dayWeight } = this.calendar;
    const noise = this.config.dailyNoise;
    const { dailyChance, factor, maxDays } = this.config.bursts;
    let burstDaysLeft = 0;
    for (let day = firstDay; day < endDay; day++) {
      const dayStartMs = startMs + day * dayMs;
      const coveredMs = Math.min(toMs, dayStartMs + dayMs) - Math.max(fromMs, dayStartMs);
      let weight = dayWeight[day] * (coveredMs / dayMs) * (1 - noise + 2 * noise * random.nextUnit());
      if (burstDaysLeft > 0) {
        weight *= factor;
        burstDaysLeft--;
      } else if (random.nextUnit() < dailyChance) {
        weight *= factor;
        burstDaysLeft = random.nextBelow(maxDays);
      }
      cumulativeWeight[day - firstDay + 1] = cumulativeWeight[day - firstDay] + weight;
    }
  }

  /** Writes `count` sorted times from `row` on; returns the row after the last. */
  private placeTimes(row: number, count: number, fromMs: number, toMs: number, firstDay: number, endDay: number): number {
    const { dayMs, random, cumulativeWeight } = this;
    const timeMs = this.arrays.timeMs;
    const calendarStartMs = this.calendar.startMs;
    // Systematic sampling of the days (see event-allocation.ts): the day counts add up to `count` exactly.
    const weightSum = cumulativeWeight[endDay - firstDay];
    const offset = random.nextUnitCoarse();
    let previous = 0;
    let next = row;
    for (let day = firstDay; day < endDay; day++) {
      const reached = Math.floor(count * (cumulativeWeight[day - firstDay + 1] / weightSum) + offset);
      const dayCount = reached - previous;
      previous = reached;
      if (dayCount === 0) continue;
      const dayStartMs = calendarStartMs + day * dayMs;
      const lowMs = Math.max(fromMs, dayStartMs);
      const spanMs = Math.min(toMs, dayStartMs + dayMs) - lowMs;
      for (let i = 0; i < dayCount; i++) timeMs[next + i] = lowMs + Math.floor(random.nextUnit() * spanMs);
      if (dayCount > 1) sortRun(timeMs, next, next + dayCount);
      next += dayCount;
    }
    return next;
  }

  /** Gives rows [from, to) of the customer a feature from its mix and a quantity from the feature's table. */
  private assignFeatures(customer: number, from: number, to: number): void {
    const { random, tableBits, tableShift, quantityTables } = this;
    const { customerIndex, featureIndex, quantityMicros } = this.arrays;
    const thresholds = this.cohort.featureThresholds;
    const thresholdBase = customer * this.featureCount;
    for (let event = from; event < to; event++) {
      const pick = random.nextU32();
      let feature = 0;
      while (pick >= thresholds[thresholdBase + feature]) feature++;
      customerIndex[event] = customer;
      featureIndex[event] = feature;
      quantityMicros[event] = quantityTables[(feature << tableBits) | (random.nextU32() >>> tableShift)];
    }
  }

  /** Writes the customer's `count` events from `row` on; returns the row after the last. */
  writeCustomer(customer: number, row: number, count: number): number {
    this.arrays.customerEventStart[customer] = row;
    if (count === 0) return row;
    const { dayMs } = this;
    const fromMs = this.cohort.customers.startMs[customer];
    const toMs = Math.min(this.cohort.customers.endMs[customer], this.calendar.endMs);
    const firstDay = Math.floor((fromMs - this.calendar.startMs) / dayMs);
    const endDay = Math.ceil((toMs - this.calendar.startMs) / dayMs);
    this.weighDays(fromMs, toMs, firstDay, endDay);
    const next = this.placeTimes(row, count, fromMs, toMs, firstDay, endDay);
    this.assignFeatures(customer, row, next);
    return next;
  }
}

/**
 * Fills the arrays for `eventCounts[i]` events of each customer i. `quantityTables` holds one table of
 * 2^QUANTITY_TABLE_BITS quantities per feature, back to back.
 */
export function writeEventStream(
  config: UsageGeneratorConfig,
  calendar: UsageCalendar,
  cohort: Cohort,
  eventCounts: Uint32Array,
  quantityTables: Float64Array,
  random: SeededRandom,
): EventArrays {
  const writer = new EventStreamWriter(config, calendar, cohort, quantityTables, random);
  let row = 0;
  for (let customer = 0; customer < config.customerCount; customer++) row = writer.writeCustomer(customer, row, eventCounts[customer]);
  writer.arrays.customerEventStart[config.customerCount] = row;
  if (row !== config.eventCount) throw new Error(`invariant: wrote ${row} events, expected ${config.eventCount}`);
  return writer.arrays;
}

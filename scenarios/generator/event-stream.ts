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
  const total = config.eventCount;
  const customerCount = config.customerCount;
  const featureCount = config.features.length;
  const timeMs = new Float64Array(total);
  const customerIndex = new Uint32Array(total);
  const featureIndex = new Uint16Array(total);
  const quantityMicros = new Float64Array(total);
  const customerEventStart = new Uint32Array(customerCount + 1);
  const cumulativeWeight = new Float64Array(calendar.dayCount + 1);
  const { startMs, endMs } = cohort.customers;
  const thresholds = cohort.featureThresholds;
  const noise = config.dailyNoise;
  const burstChance = config.bursts.dailyChance;
  const burstFactor = config.bursts.factor;
  const burstMaxDays = config.bursts.maxDays;
  const tableShift = 32 - QUANTITY_TABLE_BITS;

  let row = 0;
  for (let customer = 0; customer < customerCount; customer++) {
    customerEventStart[customer] = row;
    const count = eventCounts[customer];
    if (count === 0) continue;
    const fromMs = startMs[customer];
    const toMs = Math.min(endMs[customer], calendar.endMs);
    const firstDay = Math.floor((fromMs - calendar.startMs) / DAY_MS);
    const endDay = Math.ceil((toMs - calendar.startMs) / DAY_MS);

    let burstDaysLeft = 0;
    for (let day = firstDay; day < endDay; day++) {
      const dayStartMs = calendar.startMs + day * DAY_MS;
      const coveredMs = Math.min(toMs, dayStartMs + DAY_MS) - Math.max(fromMs, dayStartMs);
      let weight = calendar.dayWeight[day] * (coveredMs / DAY_MS) * (1 - noise + 2 * noise * random.nextUnit());
      if (burstDaysLeft > 0) {
        weight *= burstFactor;
        burstDaysLeft--;
      } else if (random.nextUnit() < burstChance) {
        weight *= burstFactor;
        burstDaysLeft = random.nextBelow(burstMaxDays);
      }
      cumulativeWeight[day - firstDay + 1] = cumulativeWeight[day - firstDay] + weight;
    }

    // Systematic sampling of the days (see event-allocation.ts): the day counts add up to `count` exactly.
    const weightSum = cumulativeWeight[endDay - firstDay];
    const offset = random.nextUnitCoarse();
    let previous = 0;
    for (let day = firstDay; day < endDay; day++) {
      const next = Math.floor(count * (cumulativeWeight[day - firstDay + 1] / weightSum) + offset);
      const dayCount = next - previous;
      previous = next;
      if (dayCount === 0) continue;
      const dayStartMs = calendar.startMs + day * DAY_MS;
      const lowMs = Math.max(fromMs, dayStartMs);
      const spanMs = Math.min(toMs, dayStartMs + DAY_MS) - lowMs;
      for (let i = 0; i < dayCount; i++) timeMs[row + i] = lowMs + Math.floor(random.nextUnit() * spanMs);
      if (dayCount > 1) sortRun(timeMs, row, row + dayCount);
      row += dayCount;
    }

    const thresholdBase = customer * featureCount;
    for (let event = customerEventStart[customer]; event < row; event++) {
      const pick = random.nextU32();
      let feature = 0;
      while (pick >= thresholds[thresholdBase + feature]) feature++;
      customerIndex[event] = customer;
      featureIndex[event] = feature;
      quantityMicros[event] = quantityTables[(feature << QUANTITY_TABLE_BITS) | (random.nextU32() >>> tableShift)];
    }
  }
  customerEventStart[customerCount] = row;
  if (row !== total) throw new Error(`invariant: wrote ${row} events, expected ${total}`);
  return { timeMs, customerIndex, featureIndex, quantityMicros, customerEventStart };
}

// Splits an exact number of events among customers in proportion to their expected usage (intensity × the weight
// of the days they are active), by systematic sampling: the counts always add up to the total exactly.

import type { Cohort } from './customer-cohort';
import type { SeededRandom } from './prng';
import { DAY_MS, type UsageCalendar } from './usage-calendar';

/** Sum of the calendar's day weights over [fromMs, toMs), counting partial days by the share of the day covered. */
export function activeDayWeight(calendar: UsageCalendar, fromMs: number, toMs: number): number {
  // A local copy: imported constants are read through module getters under tsx.
  const dayMs = DAY_MS;
  const firstDay = Math.floor((fromMs - calendar.startMs) / dayMs);
  const endDay = Math.ceil((toMs - calendar.startMs) / dayMs);
  let total = 0;
  for (let day = firstDay; day < endDay; day++) {
    const dayStartMs = calendar.startMs + day * dayMs;
    const coveredMs = Math.min(toMs, dayStartMs + dayMs) - Math.max(fromMs, dayStartMs);
    total += calendar.dayWeight[day] * (coveredMs / dayMs);
  }
  return total;
}

/**
 * count[i] = ⌊total · C(i+1)/C(n) + u⌋ − ⌊total · C(i)/C(n) + u⌋ with C the running sum of the weights and one
 * uniform u in [0, 1): each count is its expected share rounded down or up, and the counts telescope to `total`.
 * u has 24 random bits so that total + u (total < 2^28) never rounds up to total + 1.
 */
export function systematicCounts(total: number, weights: Float64Array, offset: number): Uint32Array {
  const counts = new Uint32Array(weights.length);
  let weightSum = 0;
  for (let i = 0; i < weights.length; i++) weightSum += weights[i];
  if (total === 0) return counts;
  if (!(weightSum > 0)) throw new Error('invariant: events to allocate but no customer has usage weight');
  let cumulative = 0;
  let previous = Math.floor(offset);
  for (let i = 0; i < weights.length; i++) {
    cumulative += weights[i];
    // The last share is exactly 1: the same additions in the same order give weightSum again.
    const next = Math.floor(total * (cumulative / weightSum) + offset);
    counts[i] = next - previous;
    previous = next;
  }
  return counts;
}

export function allocateEvents(total: number, calendar: UsageCalendar, cohort: Cohort, random: SeededRandom): Uint32Array {
  const { startMs, endMs } = cohort.customers;
  const weights = new Float64Array(startMs.length);
  for (let i = 0; i < startMs.length; i++) {
    const activeToMs = Math.min(endMs[i], calendar.endMs);
    weights[i] = cohort.intensity[i] * activeDayWeight(calendar, startMs[i], activeToMs);
  }
  return systematicCounts(total, weights, random.nextUnitCoarse());
}

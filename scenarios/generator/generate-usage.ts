// The synthetic usage generator's entry point: a config and its seed in, a UsageDataset out, sorted by customer then
// time exactly as the replay expects. The same config gives byte-identical arrays on every platform.

import type { UsageDataset } from '../../core/engine/usage/dataset';
import { buildCohort } from './customer-cohort';
import { allocateEvents } from './event-allocation';
import { writeEventStream } from './event-stream';
import { checkGeneratorConfig, type UsageGeneratorConfig } from './generator-config';
import { SeededRandom } from './prng';
import { buildQuantityTable, QUANTITY_TABLE_BITS } from './quantity-table';
import { addUtcMonths, buildUsageCalendar } from './usage-calendar';

// Separate streams keep the customers independent of the event count: a small and a large history of one seed
// have the same customers.
const COHORT_STREAM = 1;
const ALLOCATION_STREAM = 2;
const EVENT_STREAM = 3;

/** The window [fromMs, toMs) a config generates events in. */
export function usageWindow(config: Pick<UsageGeneratorConfig, 'startMs' | 'months'>): { fromMs: number; toMs: number } {
  return { fromMs: config.startMs, toMs: addUtcMonths(config.startMs, config.months) };
}

export function generateUsage(config: UsageGeneratorConfig): UsageDataset {
  checkGeneratorConfig(config);
  const calendar = buildUsageCalendar(config.startMs, config.months, config.weekendFactor, config.seasonality);
  const cohort = buildCohort(config, calendar, new SeededRandom(config.seed, COHORT_STREAM));
  const eventCounts = allocateEvents(config.eventCount, calendar, cohort, new SeededRandom(config.seed, ALLOCATION_STREAM));
  const tableSize = 1 << QUANTITY_TABLE_BITS;
  const quantityTables = new Float64Array(config.features.length * tableSize);
  config.features.forEach((feature, index) => {
    quantityTables.set(buildQuantityTable(feature.quantity, feature.decimals, `feature ${feature.key}`), index * tableSize);
  });
  const events = writeEventStream(config, calendar, cohort, eventCounts, quantityTables, new SeededRandom(config.seed, EVENT_STREAM));
  return {
    customers: cohort.customers,
    featureKeys: config.features.map((feature) => feature.key),
    eventCount: config.eventCount,
    ...events,
  };
}

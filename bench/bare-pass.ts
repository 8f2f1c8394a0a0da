// The floor the replay is measured against: one pass over the same typed arrays, customer by customer, that only
// adds each event's quantity to its feature's total. Its time is the cost of reading the columns, nothing more.

import type { UsageDataset } from '../core/engine/usage/dataset';
import { bestOf, perSecond, type Timing } from './measure';

export const BARE_PASS_DESCRIPTION =
  'per customer (customerEventStart), per event: add quantityMicros to a per-feature total (featureIndex); no other work';

/** Sum of all quantities by feature, in quantityMicros (exact while each total stays below 2^53). */
export function sumQuantitiesByFeature(dataset: UsageDataset): Float64Array {
  const totals = new Float64Array(dataset.featureKeys.length);
  const starts = dataset.customerEventStart;
  const features = dataset.featureIndex;
  const quantities = dataset.quantityMicros;
  const customerCount = dataset.customers.ids.length;
  for (let customer = 0; customer < customerCount; customer++) {
    const to = starts[customer + 1];
    for (let row = starts[customer]; row < to; row++) totals[features[row]] += quantities[row];
  }
  return totals;
}

export interface BarePassFigures extends Timing {
  description: string;
  eventsPerSecond: number;
  quantitySumMicros: number;
}

export function benchBarePass(dataset: UsageDataset, runs: number): BarePassFigures {
  let first: Float64Array | null = null;
  const timing = bestOf(Math.max(runs, 5), 1, () => sumQuantitiesByFeature(dataset), (totals) => {
    if (first === null) first = totals;
    else if (!totals.every((value, i) => value === first?.[i])) throw new Error('invariant: bare pass runs disagree');
  });
  const totals = sumQuantitiesByFeature(dataset);
  const quantitySumMicros = totals.reduce((sum, value) => sum + value, 0);
  return { description: BARE_PASS_DESCRIPTION, ...timing, eventsPerSecond: perSecond(dataset.eventCount, timing.bestMs), quantitySumMicros };
}

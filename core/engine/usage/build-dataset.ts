// Turns event columns in any order into a UsageDataset sorted by customer, then time, then source order.
// Readers, generators and the workbook all end here, so the replay can rely on the order.

import type { CustomerTable, UsageDataset } from './dataset';

export interface EventColumns {
  count: number;
  timeMs: Float64Array;
  customerIndex: Uint32Array;
  featureIndex: Uint16Array;
  quantityMicros: Float64Array;
}

export function buildDataset(customers: CustomerTable, featureKeys: string[], columns: EventColumns): UsageDataset {
  const customerCount = customers.ids.length;
  const { count } = columns;
  const customerEventStart = new Uint32Array(customerCount + 1);
  for (let row = 0; row < count; row++) {
    const customer = columns.customerIndex[row];
    if (customer >= customerCount) throw new Error(`invariant: event ${row} refers to customer ${customer} of ${customerCount}`);
    customerEventStart[customer + 1]++;
  }
  for (let customer = 0; customer < customerCount; customer++) {
    customerEventStart[customer + 1] += customerEventStart[customer];
  }
  // Stable counting sort by customer keeps source order within a customer.
  const order = new Uint32Array(count);
  const next = customerEventStart.slice(0, customerCount);
  for (let row = 0; row < count; row++) order[next[columns.customerIndex[row]]++] = row;

  const time = columns.timeMs;
  for (let customer = 0; customer < customerCount; customer++) {
    const from = customerEventStart[customer];
    const to = customerEventStart[customer + 1];
    let sorted = true;
    for (let i = from + 1; i < to; i++) {
      if (time[order[i]] < time[order[i - 1]]) {
        sorted = false;
        break;
      }
    }
    if (!sorted) {
      // Ties keep source order: compare by row index second.
      const slice = Array.from(order.subarray(from, to));
      slice.sort((a, b) => time[a] - time[b] || a - b);
      order.set(slice, from);
    }
  }

  const timeMs = new Float64Array(count);
  const customerIndex = new Uint32Array(count);
  const featureIndex = new Uint16Array(count);
  const quantityMicros = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const row = order[i];
    timeMs[i] = time[row];
    customerIndex[i] = columns.customerIndex[row];
    featureIndex[i] = columns.featureIndex[row];
    quantityMicros[i] = columns.quantityMicros[row];
  }
  return { customers, featureKeys, eventCount: count, timeMs, customerIndex, featureIndex, quantityMicros, customerEventStart };
}

// Builds small usage datasets from readable rows for rule tests: ISO times, plain decimal quantities.

import { buildDataset } from '../../core/engine/usage/build-dataset';
import type { UsageDataset } from '../../core/engine/usage/dataset';

export interface CustomerRow {
  id: string;
  plan?: string;
  start: string;
  end?: string;
  segment?: string;
}

/** [ISO time, customer id, feature key, quantity] */
export type EventRow = [string, string, string, string | number];

export function ms(iso: string): number {
  const value = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(value)) throw new Error(`bad test time ${iso}`);
  return value;
}

function quantityMicros(text: string | number): number {
  const [whole, fraction = ''] = String(text).split('.');
  return Number(whole) * 1_000_000 + Number(fraction.padEnd(6, '0').slice(0, 6) || '0');
}

export function history(customers: CustomerRow[], events: EventRow[], featureKeys?: string[]): UsageDataset {
  const features = featureKeys ?? [...new Set(events.map((event) => event[2]))];
  const customerIndex = new Map(customers.map((customer, i) => [customer.id, i]));
  const count = events.length;
  return buildDataset(
    {
      ids: customers.map((customer) => customer.id),
      planKeys: customers.map((customer) => customer.plan ?? ''),
      startMs: Float64Array.from(customers.map((customer) => ms(customer.start))),
      endMs: Float64Array.from(customers.map((customer) => (customer.end ? ms(customer.end) : Infinity))),
      segments: customers.map((customer) => customer.segment ?? ''),
    },
    features,
    {
      count,
      timeMs: Float64Array.from(events.map((event) => ms(event[0]))),
      customerIndex: Uint32Array.from(events.map((event) => {
        const index = customerIndex.get(event[1]);
        if (index === undefined) throw new Error(`unknown test customer ${event[1]}`);
        return index;
      })),
      featureIndex: Uint16Array.from(events.map((event) => features.indexOf(event[2]))),
      quantityMicros: Float64Array.from(events.map((event) => quantityMicros(event[3]))),
    },
  );
}

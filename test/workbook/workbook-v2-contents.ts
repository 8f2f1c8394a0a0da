// The datasets stored in test/workbook/fixtures/workbook-v2-chunks.sqlite: usage as schema version 2 first packed it
// (chunk encodings u8/u16/u32/f64 and delta-u8/16/32, features u8/u16), shared by the script that made the file and
// the tests that check every one of those packings still loads back exactly.

import { buildDataset } from '../../core/engine/usage/build-dataset';
import type { UsageDataset } from '../../core/engine/usage/dataset';

export interface V2FixtureDataset {
  name: string;
  dataset: UsageDataset;
}

const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2025, 0, 1);
const UNIT = 1_000_000;

/** One customer's events at the given times with the given quantities, one feature. */
function oneCustomer(timesMs: number[], quantitiesMicros: number[]): UsageDataset {
  return customersWithEvents(1, timesMs, quantitiesMicros);
}

/**
 * `customerCount` customers sharing the events in turn (event i belongs to customer i mod count). Every customer's
 * first event starts over, which the gap packing stores whole: many customers make plain offsets the smaller packing.
 */
function customersWithEvents(customerCount: number, timesMs: number[], quantitiesMicros: number[]): UsageDataset {
  const ids = range(customerCount, (i) => `c-${i}`);
  return buildDataset(
    {
      ids,
      planKeys: ids.map(() => 'pro'),
      startMs: new Float64Array(customerCount).fill(START_MS),
      endMs: new Float64Array(customerCount).fill(Infinity),
      segments: ids.map((_, i) => (i % 2 === 0 ? 'smb' : '')),
    },
    ['call'],
    {
      count: timesMs.length,
      timeMs: Float64Array.from(timesMs),
      customerIndex: Uint32Array.from(range(timesMs.length, (i) => i % customerCount)),
      featureIndex: new Uint16Array(timesMs.length),
      quantityMicros: Float64Array.from(quantitiesMicros),
    },
  );
}

function range<T>(count: number, at: (i: number) => T): T[] {
  return Array.from({ length: count }, (_, i) => at(i));
}

/** Many customers with one event each, a year apart in milliseconds: every gap is an exception, so times go raw. */
function singleEventCustomers(): UsageDataset {
  const count = 40;
  return buildDataset(
    {
      ids: range(count, (i) => `c-${i}`),
      planKeys: range(count, () => ''),
      startMs: new Float64Array(count).fill(START_MS),
      endMs: new Float64Array(count).fill(Infinity),
      segments: range(count, (i) => (i % 2 === 0 ? 'smb' : '')),
    },
    ['call'],
    {
      count,
      timeMs: Float64Array.from(range(count, (i) => START_MS + ((i * 7_919) % count) * 9 * DAY_MS + i * 13)),
      customerIndex: Uint32Array.from(range(count, (i) => i)),
      featureIndex: new Uint16Array(count),
      // 1 micro up to 5,000 units: a span of more than 2^32 micros, so quantities go raw too.
      quantityMicros: Float64Array.from(range(count, (i) => (i === 0 ? 1 : i * 125 * UNIT))),
    },
  );
}

/** 300 features, so feature indexes need two bytes. */
function manyFeatures(): UsageDataset {
  const count = 600;
  const featureKeys = range(300, (i) => `feature-${i}`);
  return buildDataset(
    { ids: ['c-1'], planKeys: ['pro'], startMs: Float64Array.of(START_MS), endMs: Float64Array.of(Infinity), segments: [''] },
    featureKeys,
    {
      count,
      timeMs: Float64Array.from(range(count, (i) => START_MS + i * 60_000)),
      customerIndex: new Uint32Array(count),
      featureIndex: Uint16Array.from(range(count, (i) => (i * 37) % 300)),
      quantityMicros: Float64Array.from(range(count, (i) => (i % 4) * 250_000)),
    },
  );
}

export function v2FixtureDatasets(): V2FixtureDataset[] {
  return [
    // Whole seconds within 255 s; whole units 1 to 3.
    { name: 'time u8, quantity u8', dataset: customersWithEvents(50, range(200, (i) => START_MS + (i % 250) * 1_000), range(200, (i) => (1 + (i % 3)) * UNIT)) },
    // Whole seconds over half a day; thousandths up to 60 units.
    { name: 'time u16, quantity u16', dataset: customersWithEvents(100, range(200, (i) => START_MS + i * 300_000), range(200, (i) => (i * 300 + 1) * 1_000)) },
    // Whole seconds over a year; any micros up to 4,000 units.
    { name: 'time u32, quantity u32', dataset: customersWithEvents(100, range(200, (i) => START_MS + i * 1_800 * 1_000 * 87), range(200, (i) => i * 20_000_003 + 7)) },
    { name: 'time f64, quantity f64', dataset: singleEventCustomers() },
    // Milliseconds a few ms apart; gaps of up to 255 ms.
    { name: 'time delta-u8', dataset: oneCustomer(range(300, (i) => START_MS + 17 + i * 200 + (i % 7)), range(300, () => UNIT)) },
    // Milliseconds tens of seconds apart: gaps up to 65,535 ms, a span past 65,535 ms.
    { name: 'time delta-u16', dataset: oneCustomer(range(300, (i) => START_MS + 3 + i * 40_000 + (i % 11)), range(300, (i) => (i % 5) * UNIT)) },
    // Milliseconds days apart over two years.
    { name: 'time delta-u32', dataset: oneCustomer(range(300, (i) => START_MS + 1 + i * 2 * DAY_MS + i * 7), range(300, (i) => (i % 9) * 100_000)) },
    { name: 'features u16', dataset: manyFeatures() },
  ];
}

/** The chunk encodings the fixture holds, as `SELECT DISTINCT` of each encoding column reads them, sorted. */
export const V2_FIXTURE_ENCODINGS = {
  time: ['delta-u16', 'delta-u32', 'delta-u8', 'f64', 'u16', 'u32', 'u8'],
  feature: ['u16', 'u8'],
  quantity: ['f64', 'u16', 'u32', 'u8'],
};

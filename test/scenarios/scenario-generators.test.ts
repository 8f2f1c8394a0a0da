import { describe, expect, it } from 'vitest';

import type { UsageDataset } from '../../core/engine/usage/dataset';
import { SCENARIO_CATALOG } from '../../scenarios/catalog';
import { buildScenarioDataset, defaultScenarioSeed, scenarioGeneratorConfig } from '../../scenarios/scenario-dataset';
import { SCENARIO_SIZE_COUNTS, SCENARIO_SIZES } from '../../scenarios/scenario-size';

const slugs = SCENARIO_CATALOG.map((entry) => entry.slug);

function bytesOf(array: ArrayBufferView): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** Every column of a dataset as bytes (text columns as their JSON), keyed by column name. */
function columnBytes(dataset: UsageDataset): Record<string, Buffer> {
  const { customers } = dataset;
  return {
    timeMs: bytesOf(dataset.timeMs),
    customerIndex: bytesOf(dataset.customerIndex),
    featureIndex: bytesOf(dataset.featureIndex),
    quantityMicros: bytesOf(dataset.quantityMicros),
    customerEventStart: bytesOf(dataset.customerEventStart),
    startMs: bytesOf(customers.startMs),
    endMs: bytesOf(customers.endMs),
    ids: Buffer.from(JSON.stringify(customers.ids)),
    planKeys: Buffer.from(JSON.stringify(customers.planKeys)),
    segments: Buffer.from(JSON.stringify(customers.segments)),
    featureKeys: Buffer.from(JSON.stringify(dataset.featureKeys)),
  };
}

describe('scenario sizes', () => {
  it('are small, medium and large, large being 10 million events of 50,000 customers, all at 200 events a customer', () => {
    expect(SCENARIO_SIZES).toEqual(['small', 'medium', 'large']);
    expect(SCENARIO_SIZE_COUNTS.large).toEqual({ customerCount: 50_000, eventCount: 10_000_000 });
    for (const size of SCENARIO_SIZES) {
      const { customerCount, eventCount } = SCENARIO_SIZE_COUNTS[size];
      expect(eventCount / customerCount).toBe(200);
    }
  });

  it.each(slugs)('%s: each size asks the generator for its counts over the year 2025, with the scenario seed', (slug) => {
    for (const size of SCENARIO_SIZES) {
      const config = scenarioGeneratorConfig(slug, size);
      expect(config).toMatchObject({ ...SCENARIO_SIZE_COUNTS[size], startMs: Date.UTC(2025, 0, 1), months: 12, seed: defaultScenarioSeed(slug) });
    }
    expect(scenarioGeneratorConfig(slug, 'small', 7).seed).toBe(7);
  });
});

describe.each(slugs)('the %s generator', (slug) => {
  const first = buildScenarioDataset(slug, 'small');

  it('makes the small size exactly', () => {
    expect(first.customers.ids).toHaveLength(SCENARIO_SIZE_COUNTS.small.customerCount);
    expect(first.eventCount).toBe(SCENARIO_SIZE_COUNTS.small.eventCount);
  });

  it('gives identical bytes in every column for the same seed', () => {
    const again = columnBytes(buildScenarioDataset(slug, 'small', defaultScenarioSeed(slug)));
    const original = columnBytes(first);
    for (const column of Object.keys(original)) expect({ column, same: again[column].equals(original[column]) }).toEqual({ column, same: true });
  });

  it('gives a different history for a different seed', () => {
    const other = columnBytes(buildScenarioDataset(slug, 'small', defaultScenarioSeed(slug) + 1));
    const original = columnBytes(first);
    for (const column of ['timeMs', 'quantityMicros', 'customerEventStart', 'startMs']) {
      expect({ column, same: other[column].equals(original[column]) }).toEqual({ column, same: false });
    }
  });
});

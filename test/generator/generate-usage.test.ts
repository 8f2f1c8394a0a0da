import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { UsageDataset } from '../../core/engine/usage/dataset';
import { generateUsage, usageWindow } from '../../scenarios/generator/generate-usage';
import { TRIAL_SEGMENT } from '../../scenarios/generator/customer-cohort';
import { DAY_MS, dayOfWeek } from '../../scenarios/generator/usage-calendar';
import { sampleConfig } from './sample-config';

const dataset = generateUsage(sampleConfig());

function bytesOf(array: ArrayBufferView): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

function eventsOf(data: UsageDataset, customer: number): number {
  return data.customerEventStart[customer + 1] - data.customerEventStart[customer];
}

function expectWellFormed(data: UsageDataset, toMs: number): void {
  const { customers } = data;
  expect(data.customerEventStart[0]).toBe(0);
  expect(data.customerEventStart[customers.ids.length]).toBe(data.eventCount);
  for (let customer = 0; customer < customers.ids.length; customer++) {
    const from = data.customerEventStart[customer];
    const to = data.customerEventStart[customer + 1];
    const endMs = Math.min(customers.endMs[customer], toMs);
    for (let row = from; row < to; row++) {
      if (data.customerIndex[row] !== customer) throw new Error(`row ${row} belongs to ${data.customerIndex[row]}, not ${customer}`);
      const time = data.timeMs[row];
      if (!Number.isInteger(time) || time < customers.startMs[customer] || time >= endMs) {
        throw new Error(`row ${row} at ${time} is outside [${customers.startMs[customer]}, ${endMs})`);
      }
      if (row > from && time < data.timeMs[row - 1]) throw new Error(`row ${row} is earlier than row ${row - 1}`);
      const quantity = data.quantityMicros[row];
      if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new Error(`row ${row} has quantity ${quantity}`);
      if (data.featureIndex[row] >= data.featureKeys.length) throw new Error(`row ${row} has feature ${data.featureIndex[row]}`);
    }
  }
}

describe('generateUsage', () => {
  it('makes exactly the events asked for, sorted by customer then time, each inside its customer window', () => {
    expect(dataset.eventCount).toBe(200_000);
    expect(dataset.timeMs.length).toBe(200_000);
    expectWellFormed(dataset, usageWindow(sampleConfig()).toMs);
  });

  it('gives byte-identical arrays and customers for the same seed', () => {
    const again = generateUsage(sampleConfig());
    for (const key of ['timeMs', 'customerIndex', 'featureIndex', 'quantityMicros', 'customerEventStart'] as const) {
      expect(bytesOf(again[key]).equals(bytesOf(dataset[key]))).toBe(true);
    }
    expect(bytesOf(again.customers.startMs).equals(bytesOf(dataset.customers.startMs))).toBe(true);
    expect(bytesOf(again.customers.endMs).equals(bytesOf(dataset.customers.endMs))).toBe(true);
    expect(again.customers.ids).toEqual(dataset.customers.ids);
    expect(again.customers.planKeys).toEqual(dataset.customers.planKeys);
    expect(again.customers.segments).toEqual(dataset.customers.segments);
  });

  it('gives the pinned bytes for a pinned config, so a change of output (or of platform) is noticed', () => {
    const small = generateUsage(sampleConfig({ customerCount: 300, eventCount: 30_000 }));
    const hash = createHash('sha256');
    for (const key of ['timeMs', 'customerIndex', 'featureIndex', 'quantityMicros', 'customerEventStart'] as const) hash.update(bytesOf(small[key]));
    hash.update(bytesOf(small.customers.startMs));
    hash.update(bytesOf(small.customers.endMs));
    hash.update(JSON.stringify([small.customers.ids, small.customers.planKeys, small.customers.segments]));
    // Typed arrays are hashed in the platform's byte order; every platform Node supports is little-endian.
    expect(hash.digest('hex')).toBe('76de6174d0241bcb8763bcdb1191eb183e31b92ac3390c6e0ffb7fc60c5f80ad');
  });

  it('gives different histories for different seeds', () => {
    const other = generateUsage(sampleConfig({ seed: 20250102 }));
    expect(bytesOf(other.timeMs).equals(bytesOf(dataset.timeMs))).toBe(false);
    expect(bytesOf(other.customers.startMs).equals(bytesOf(dataset.customers.startMs))).toBe(false);
  });

  it('keeps the same customers when only the event count changes', () => {
    const smaller = generateUsage(sampleConfig({ eventCount: 5000 }));
    expect(bytesOf(smaller.customers.startMs).equals(bytesOf(dataset.customers.startMs))).toBe(true);
    expect(smaller.customers.planKeys).toEqual(dataset.customers.planKeys);
  });

  it('gives the top 10 % of customers at least half of the events and of each feature’s units', () => {
    const counts = dataset.customers.ids.map((_, customer) => eventsOf(dataset, customer)).sort((a, b) => b - a);
    const top = counts.slice(0, counts.length / 10).reduce((sum, count) => sum + count, 0);
    expect(top / dataset.eventCount).toBeGreaterThanOrEqual(0.5);

    const unitsByCustomer = new Float64Array(dataset.customers.ids.length);
    for (let row = 0; row < dataset.eventCount; row++) {
      if (dataset.featureIndex[row] === 0) unitsByCustomer[dataset.customerIndex[row]] += dataset.quantityMicros[row];
    }
    const units = Array.from(unitsByCustomer).sort((a, b) => b - a);
    const topUnits = units.slice(0, units.length / 10).reduce((sum, value) => sum + value, 0);
    expect(topUnits / units.reduce((sum, value) => sum + value, 0)).toBeGreaterThanOrEqual(0.5);
  });

  it('is busier on weekdays than on weekends, per day', () => {
    const { fromMs, toMs } = usageWindow(sampleConfig());
    const eventsByWeekday = new Array<number>(7).fill(0);
    const daysByWeekday = new Array<number>(7).fill(0);
    for (let day = fromMs / DAY_MS; day < toMs / DAY_MS; day++) daysByWeekday[dayOfWeek(day)]++;
    for (let row = 0; row < dataset.eventCount; row++) eventsByWeekday[dayOfWeek(Math.floor(dataset.timeMs[row] / DAY_MS))]++;
    const perDay = (days: number[]): number =>
      days.reduce((sum, day) => sum + eventsByWeekday[day], 0) / days.reduce((sum, day) => sum + daysByWeekday[day], 0);
    const ratio = perDay([1, 2, 3, 4, 5]) / perDay([0, 6]);
    expect(ratio).toBeGreaterThan(1.5);
  });

  it('follows the seasonal factors: a month at a third of the usage is far quieter than its neighbours', () => {
    const seasonality = [1, 1, 1, 1, 1, 1, 0.33, 1, 1, 1, 1, 1];
    const flat = generateUsage(sampleConfig({ seasonality, monthlyChurnRate: 0, growth: { initialShare: 1, monthlyGrowthRate: 0 } }));
    const byMonth = new Array<number>(12).fill(0);
    for (let row = 0; row < flat.eventCount; row++) byMonth[new Date(flat.timeMs[row]).getUTCMonth()]++;
    // June, July and August have 30, 31 and 31 days.
    expect(byMonth[6] / 31).toBeLessThan(0.5 * (byMonth[5] / 30));
    expect(byMonth[6] / 31).toBeLessThan(0.5 * (byMonth[7] / 31));
  });

  it('has no events of a churned customer at or after its end, and some customers do churn', () => {
    const { customers } = dataset;
    let churned = 0;
    for (let customer = 0; customer < customers.ids.length; customer++) {
      const endMs = customers.endMs[customer];
      if (!Number.isFinite(endMs)) continue;
      if (customers.segments[customer] !== TRIAL_SEGMENT) churned++;
      const to = dataset.customerEventStart[customer + 1];
      if (to > dataset.customerEventStart[customer]) expect(dataset.timeMs[to - 1]).toBeLessThan(endMs);
    }
    // 3 % a month over a year leaves roughly a quarter of the paying customers churned.
    expect(churned / customers.ids.length).toBeGreaterThan(0.1);
  });

  it('grows: more customers start in the second half of the window than in the months after the initial base', () => {
    const { fromMs, toMs } = usageWindow(sampleConfig());
    const middle = fromMs + (toMs - fromMs) / 2;
    const afterBase = fromMs + 31 * DAY_MS;
    const starts = Array.from(dataset.customers.startMs);
    const firstHalf = starts.filter((start) => start >= afterBase && start < middle).length;
    const secondHalf = starts.filter((start) => start >= middle).length;
    expect(secondHalf).toBeGreaterThan(firstHalf);
    expect(starts.filter((start) => start < fromMs + 28 * DAY_MS).length / starts.length).toBeGreaterThan(0.35);
  });

  it('has trial users who leave after their trial days and use little', () => {
    const { customers } = dataset;
    const trials: number[] = [];
    const paying: number[] = [];
    for (let customer = 0; customer < customers.ids.length; customer++) {
      if (customers.segments[customer] === TRIAL_SEGMENT) {
        expect(customers.endMs[customer] - customers.startMs[customer]).toBe(14 * DAY_MS);
        expect(customers.planKeys[customer]).toBe('');
        trials.push(eventsOf(dataset, customer));
      } else {
        paying.push(eventsOf(dataset, customer));
      }
    }
    expect(trials.length / customers.ids.length).toBeGreaterThan(0.1);
    const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean(trials)).toBeLessThan(mean(paying) / 5);
  });

  it('mixes the plans by their shares and labels the segments', () => {
    const share = (planKey: string): number =>
      dataset.customers.planKeys.filter((key, customer) => key === planKey && dataset.customers.segments[customer] !== TRIAL_SEGMENT).length /
      dataset.customers.ids.length;
    expect(share('starter')).toBeGreaterThan(0.35);
    expect(share('pro')).toBeGreaterThan(0.15);
    expect(share('enterprise')).toBeGreaterThan(0.02);
    expect(new Set(dataset.customers.segments)).toEqual(new Set(['self-serve', 'enterprise', 'pack', 'trial']));
  });

  it('has bursts: the busiest day of a customer stands far above its median day more often with bursts on', () => {
    const spiky = (burstFactor: number): number => {
      const data = generateUsage(sampleConfig({ bursts: { dailyChance: 0.02, maxDays: 2, factor: burstFactor }, dailyNoise: 0.2 }));
      let customersWithSpike = 0;
      for (let customer = 0; customer < data.customers.ids.length; customer++) {
        if (eventsOf(data, customer) < 500) continue;
        const perDay = new Map<number, number>();
        for (let row = data.customerEventStart[customer]; row < data.customerEventStart[customer + 1]; row++) {
          const day = Math.floor(data.timeMs[row] / DAY_MS);
          perDay.set(day, (perDay.get(day) ?? 0) + 1);
        }
        const days = Array.from(perDay.values()).sort((a, b) => a - b);
        if (days[days.length - 1] > 4 * days[Math.floor(days.length / 2)]) customersWithSpike++;
      }
      return customersWithSpike;
    };
    expect(spiky(8)).toBeGreaterThan(3 * Math.max(1, spiky(1)));
  });

  it('reports integer units for whole-unit features and at most the feature’s decimals otherwise', () => {
    const stepMicros = [1_000_000, 1000, 1, 1_000_000];
    for (let row = 0; row < dataset.eventCount; row++) {
      if (dataset.quantityMicros[row] % stepMicros[dataset.featureIndex[row]] !== 0) throw new Error(`row ${row} has too many decimals`);
    }
    expect(dataset.featureKeys).toEqual(['api-call', 'tokens-1k', 'hd-minute', 'export']);
  });

  it('stays well formed for any small config', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 0xffffffff }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 14 }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (seed, customerCount, eventCount, months, monthlyChurnRate) => {
          const config = sampleConfig({ seed, customerCount, eventCount, months, monthlyChurnRate, startMs: Date.UTC(2024, 1, 1) });
          const data = generateUsage(config);
          expect(data.eventCount).toBe(eventCount);
          expectWellFormed(data, usageWindow(config).toMs);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses a start that is not the first millisecond of a UTC month', () => {
    expect(() => generateUsage(sampleConfig({ startMs: Date.UTC(2025, 0, 2) }))).toThrow(/UTC month/);
  });
});

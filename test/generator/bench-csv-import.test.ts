import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchCsvImport, importUsageCsv } from '../../bench/import-bench';
import { writeUsageCsv } from '../../bench/usage-csv-writer';
import { benchUsageConfig } from '../../bench/bench-usage';
import { generateUsage } from '../../scenarios/generator/generate-usage';
import type { UsageDataset } from '../../core/engine/usage/dataset';

const directory = mkdtempSync(join(tmpdir(), 'bench-csv-test-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function tinyDataset(): UsageDataset {
  return {
    customers: { ids: ['c1', 'c2'], planKeys: ['', ''], startMs: new Float64Array([0, 0]), endMs: new Float64Array([Infinity, Infinity]), segments: ['', ''] },
    featureKeys: ['calls', 'minutes'],
    eventCount: 3,
    timeMs: new Float64Array([Date.UTC(2025, 2, 4, 12, 34, 56, 7), Date.UTC(2025, 11, 31, 23, 59, 59, 999), Date.UTC(2025, 0, 1)]),
    customerIndex: new Uint32Array([0, 0, 1]),
    featureIndex: new Uint16Array([0, 1, 1]),
    quantityMicros: new Float64Array([3_000_000, 1_500_000, 12_345_678_000_001]),
    customerEventStart: new Uint32Array([0, 2, 3]),
  };
}

describe('bench CSV writer', () => {
  it('writes ISO-8601 times with milliseconds and exact decimal quantities', () => {
    const path = join(directory, 'tiny.csv');
    const bytes = writeUsageCsv(tinyDataset(), path);
    const text = readFileSync(path, 'utf8');
    expect(text).toBe(
      'timestamp,customer_id,feature,quantity\n' +
        '2025-03-04T12:34:56.007Z,c1,calls,3\n' +
        '2025-12-31T23:59:59.999Z,c1,minutes,1.5\n' +
        '2025-01-01T00:00:00.000Z,c2,minutes,12345678.000001\n',
    );
    expect(bytes).toBe(Buffer.byteLength(text));
  });

  it('round-trips a generated history through the events reader, column for column', () => {
    const dataset = generateUsage({ ...benchUsageConfig('small'), customerCount: 200, eventCount: 20_000 });
    const path = join(directory, 'generated.csv');
    writeUsageCsv(dataset, path);
    const imported = importUsageCsv(path, dataset);
    expect(Array.from(imported.timeMs)).toEqual(Array.from(dataset.timeMs));
    expect(Array.from(imported.quantityMicros)).toEqual(Array.from(dataset.quantityMicros));
    expect(Array.from(imported.featureIndex)).toEqual(Array.from(dataset.featureIndex));
    expect(Array.from(imported.customerEventStart)).toEqual(Array.from(dataset.customerEventStart));
  });

  it('times the import and reports rows per second and the file size', () => {
    const dataset = generateUsage({ ...benchUsageConfig('small'), customerCount: 100, eventCount: 5_000 });
    const figures = benchCsvImport(dataset, 2);
    expect(figures.runsMs).toHaveLength(2);
    expect(figures.bestMs).toBe(Math.min(...figures.runsMs));
    expect(figures.rowsPerSecond).toBeGreaterThan(0);
    expect(figures.csvBytes).toBeGreaterThan(5_000 * 30);
  });
});

import { describe, expect, it } from 'vitest';
import { benchUsageConfig } from '../../bench/bench-usage';
import { benchWorkbook } from '../../bench/workbook-bench';
import { generateUsage } from '../../scenarios/generator/generate-usage';

describe('workbook bench', () => {
  it('stores, saves, opens and loads a history, reporting each time and the file size', async () => {
    const dataset = generateUsage({ ...benchUsageConfig('small'), customerCount: 150, eventCount: 10_000 });
    const figures = await benchWorkbook(dataset, 2);
    expect(figures.fileBytes).toBeGreaterThan(10_000);
    expect(figures.saveMs).toBeCloseTo(figures.exportMs + figures.writeFileMs, 6);
    for (const ms of [figures.storeMs, figures.openMs, figures.loadBestMs]) expect(ms).toBeGreaterThan(0);
    expect(figures.loadBestMs).toBeLessThanOrEqual(figures.loadMedianMs);
    expect(figures.loadEventsPerSecond).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { buildQuantityTable, QUANTITY_TABLE_BITS } from '../../scenarios/generator/quantity-table';

function sortedCopy(table: Float64Array): number[] {
  return Array.from(table).sort((a, b) => a - b);
}

describe('buildQuantityTable', () => {
  it('holds whole units as multiples of 1,000,000 micros for a feature without decimals', () => {
    const table = buildQuantityTable({ kind: 'uniform', minUnits: 1, maxUnits: 20 }, 0, 'exports');
    expect(table.length).toBe(1 << QUANTITY_TABLE_BITS);
    for (const micros of table) expect(micros % 1_000_000).toBe(0);
    const values = sortedCopy(table);
    expect(values[0]).toBe(1_000_000);
    expect(values[values.length - 1]).toBe(20_000_000);
    expect(new Set(values).size).toBe(20);
  });

  it('holds 3-decimal units as multiples of 1,000 micros, never zero', () => {
    const table = buildQuantityTable({ kind: 'log-normal', medianUnits: 0.002, sigma: 2 }, 3, 'tokens');
    for (const micros of table) {
      expect(micros % 1000).toBe(0);
      expect(micros).toBeGreaterThanOrEqual(1000);
    }
  });

  it('centres a log-normal on its median and clamps it to its bounds', () => {
    const table = buildQuantityTable({ kind: 'log-normal', medianUnits: 3.5, sigma: 0.8, minUnits: 1, maxUnits: 30 }, 6, 'minutes');
    const values = sortedCopy(table);
    expect(values[values.length / 2]).toBeGreaterThan(3_400_000);
    expect(values[values.length / 2]).toBeLessThan(3_600_000);
    expect(values[0]).toBe(1_000_000);
    expect(values[values.length - 1]).toBe(30_000_000);
    for (const micros of values) expect(Number.isInteger(micros)).toBe(true);
  });

  it('repeats a constant', () => {
    const table = buildQuantityTable({ kind: 'constant', units: 2.5 }, 1, 'half units');
    expect(new Set(table)).toEqual(new Set([2_500_000]));
  });

  it('refuses more than 6 decimals or negative parameters', () => {
    expect(() => buildQuantityTable({ kind: 'constant', units: 1 }, 7, 'x')).toThrow(/decimals/);
    expect(() => buildQuantityTable({ kind: 'uniform', minUnits: -1, maxUnits: 2 }, 0, 'x')).toThrow(/negative/);
  });
});

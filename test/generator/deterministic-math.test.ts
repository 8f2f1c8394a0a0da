import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exponential, inverseStandardNormal, naturalLog, power } from '../../scenarios/generator/deterministic-math';

function relativeError(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

describe('deterministic math', () => {
  it('agrees with Math.log to 1e-14 relative over the positive doubles', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
        const expected = Math.log(x);
        if (Math.abs(expected) < 1e-3) return; // near x = 1 compare absolutely below
        expect(relativeError(naturalLog(x), expected)).toBeLessThan(1e-14);
      }),
      { numRuns: 2000 },
    );
    expect(Math.abs(naturalLog(1.0001) - Math.log(1.0001))).toBeLessThan(1e-18);
    expect(naturalLog(1)).toBe(0);
  });

  it('agrees with Math.exp to 1e-14 relative from -700 to 700', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        expect(relativeError(exponential(x), Math.exp(x))).toBeLessThan(1e-14);
      }),
      { numRuns: 2000 },
    );
    expect(exponential(0)).toBe(1);
    expect(exponential(800)).toBe(Number.POSITIVE_INFINITY);
    expect(exponential(-800)).toBe(0);
  });

  it('raises to a power through them', () => {
    expect(relativeError(power(10, 0.1), Math.pow(10, 0.1))).toBeLessThan(1e-14);
  });

  it('gives the familiar normal quantiles', () => {
    expect(inverseStandardNormal(0.5)).toBe(0);
    expect(inverseStandardNormal(0.975)).toBeCloseTo(1.959964, 6);
    expect(inverseStandardNormal(0.9)).toBeCloseTo(1.281552, 6);
    expect(inverseStandardNormal(0.001)).toBeCloseTo(-3.090232, 6);
  });

  it('throws outside the functions’ domains', () => {
    expect(() => naturalLog(0)).toThrow(/invariant/);
    expect(() => naturalLog(-1)).toThrow(/invariant/);
    expect(() => inverseStandardNormal(1)).toThrow(/invariant/);
  });
});

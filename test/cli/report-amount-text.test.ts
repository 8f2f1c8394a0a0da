import { describe, expect, it } from 'vitest';

import {
  currencyMinorUnits,
  formatCredits,
  formatDecimalString,
  formatMoneyExact,
  formatMoneyRounded,
  formatUnits,
  formatUtcDate,
  groupThousands,
} from '../../core/engine/report/report-amount-text';

describe('report amounts as text', () => {
  it('knows the minor unit of currencies without cents', () => {
    expect(currencyMinorUnits('USD')).toBe(2);
    expect(currencyMinorUnits('jpy')).toBe(0);
    expect(currencyMinorUnits('KWD')).toBe(3);
  });

  it('writes money exactly with at least the minor-unit decimals', () => {
    expect(formatMoneyExact(49_000_000, 'USD')).toBe('49.00');
    expect(formatMoneyExact(20_005_000, 'USD')).toBe('20.005');
    expect(formatMoneyExact(1_234_567, 'EUR')).toBe('1.234567');
    expect(formatMoneyExact(1_500_000, 'JPY')).toBe('1.5');
    expect(formatMoneyExact(-250_000, 'USD')).toBe('-0.25');
  });

  it('rounds displayed money half away from zero to the minor unit', () => {
    expect(formatMoneyRounded(125_000, 'USD')).toBe('0.13');
    expect(formatMoneyRounded(124_999, 'USD')).toBe('0.12');
    expect(formatMoneyRounded(-125_000, 'USD')).toBe('-0.13');
    expect(formatMoneyRounded(-4_999, 'USD')).toBe('0.00');
    expect(formatMoneyRounded(1_500_000, 'JPY')).toBe('2');
    expect(formatMoneyRounded(1_234_567, 'KWD')).toBe('1.235');
    expect(formatMoneyRounded(9_007_199_254_740_991, 'USD')).toBe('9007199254.74');
  });

  it('writes credits with every decimal of the book precision', () => {
    expect(formatCredits(123_456, 2)).toBe('1234.56');
    expect(formatCredits(1200, 2)).toBe('12.00');
    expect(formatCredits(7, 0)).toBe('7');
    expect(formatCredits(-5, 3)).toBe('-0.005');
  });

  it('writes units exactly without trailing zeros', () => {
    expect(formatUnits(1_500_000)).toBe('1.5');
    expect(formatUnits(3_000_000)).toBe('3');
    expect(formatUnits(1)).toBe('0.000001');
  });

  it('trims report decimals to the minimum decimals asked for', () => {
    expect(formatDecimalString('0.015000000', 2)).toBe('0.015');
    expect(formatDecimalString('2.000000000', 2)).toBe('2.00');
    expect(() => formatDecimalString('abc', 2)).toThrow(/invariant/);
  });

  it('groups thousands in the whole part only', () => {
    expect(groupThousands('1234567.891')).toBe('1,234,567.891');
    expect(groupThousands('-1000')).toBe('-1,000');
    expect(groupThousands('999')).toBe('999');
    expect(groupThousands('—')).toBe('—');
  });

  it('writes instants as UTC dates', () => {
    expect(formatUtcDate(1_735_689_600_000)).toBe('2025-01-01');
  });
});

import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../core/engine/decimal/decimal-text';
import type { ExactDecimal } from '../../core/engine/decimal/decimal-text';
import { moneyRatioText, moneyText } from '../../core/engine/price-book/amount-text';
import {
  addDecimals,
  compareRatios,
  divideHalfAwayFromZero,
  multiplyDecimals,
  subtractDecimals,
} from '../../core/engine/price-book/exact-arithmetic';

function d(text: string): ExactDecimal {
  const parsed = parseDecimal(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
}

describe('exact arithmetic for price books', () => {
  it('adds, subtracts and multiplies without rounding, dropping trailing zeros', () => {
    expect(addDecimals(d('0.1'), d('0.2'))).toEqual(d('0.3'));
    expect(subtractDecimals(d('1.25'), d('0.25'))).toEqual({ digits: 1n, decimals: 0 });
    expect(multiplyDecimals(d('0.012'), d('2.5'))).toEqual(d('0.03'));
  });

  it.each([
    ['1', '8', 2, 13n],
    ['-1', '8', 2, -13n],
    ['1', '-8', 2, -13n],
    ['10', '4', 0, 3n],
    ['-10', '4', 0, -3n],
    ['1', '3', 6, 333333n],
    ['2', '3', 6, 666667n],
    ['49', '5000', 6, 9800n],
    ['0', '7', 2, 0n],
  ])('divides %s by %s at %i decimals, rounding halves away from zero', (numerator, denominator, decimals, expected) => {
    expect(divideHalfAwayFromZero(d(numerator), d(denominator), decimals)).toBe(expected);
  });

  it('treats division by zero as a broken invariant', () => {
    expect(() => divideHalfAwayFromZero(d('1'), d('0'), 2)).toThrow('invariant: division by zero');
  });

  it('compares prices per credit exactly', () => {
    expect(compareRatios({ numerator: d('10'), denominator: d('1000') }, { numerator: d('49'), denominator: d('5000') })).toBe(1);
    expect(compareRatios({ numerator: d('1'), denominator: d('3') }, { numerator: d('2'), denominator: d('6') })).toBe(0);
    expect(compareRatios({ numerator: d('0.333333'), denominator: d('1') }, { numerator: d('1'), denominator: d('3') })).toBe(-1);
  });

  it('shows money with at least two decimals and ratios to six', () => {
    expect(moneyText(d('49'), 'USD')).toBe('49.00 USD');
    expect(moneyText(d('0.0098'), 'EUR')).toBe('0.0098 EUR');
    expect(moneyRatioText({ numerator: d('10'), denominator: d('3') }, 'USD')).toBe('3.333333 USD');
    expect(moneyRatioText({ numerator: d('1'), denominator: d('8000000') }, 'USD')).toBe('0.00 USD');
    expect(moneyRatioText({ numerator: d('1'), denominator: d('2000000') }, 'USD')).toBe('0.000001 USD');
  });
});

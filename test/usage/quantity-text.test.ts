import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatScaled } from '../../core/engine/decimal/decimal-text';
import {
  formatQuantityMicros,
  MAX_QUANTITY_MICROS,
  parseQuantityBytes,
  parseQuantityText,
  QUANTITY_EMPTY,
  QUANTITY_NEGATIVE,
  QUANTITY_NOT_A_NUMBER,
  QUANTITY_TOO_LARGE,
  QUANTITY_TOO_MANY_DECIMALS,
} from '../../core/engine/usage/quantity-text';

function micros(text: string): number {
  const parsed = parseQuantityText(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.micros;
}

function code(text: string): number {
  const parsed = parseQuantityText(text);
  return parsed.ok ? parsed.micros : parsed.code;
}

describe('quantity text', () => {
  it('reads decimals into exact millionths', () => {
    expect(micros('3')).toBe(3_000_000);
    expect(micros('1.5')).toBe(1_500_000);
    expect(micros('0.000001')).toBe(1);
    expect(micros('.25')).toBe(250_000);
    expect(micros('2.')).toBe(2_000_000);
    expect(micros('+4')).toBe(4_000_000);
    expect(micros(' 7 ')).toBe(7_000_000);
    expect(micros('0')).toBe(0);
    expect(micros('-0')).toBe(0);
    expect(micros('-0.000')).toBe(0);
    expect(micros('007.50')).toBe(7_500_000);
  });

  it('reads exponents as JSON writers emit them', () => {
    expect(micros('1e-06')).toBe(1);
    expect(micros('1.5E3')).toBe(1_500_000_000);
    expect(micros('2e+2')).toBe(200_000_000);
    expect(micros('123456e-6')).toBe(123_456);
    expect(micros('0e999999')).toBe(0);
  });

  it('accepts zeros past the sixth decimal but not other digits', () => {
    expect(micros('1.5000000000')).toBe(1_500_000);
    expect(code('1.0000001')).toBe(QUANTITY_TOO_MANY_DECIMALS);
    expect(code('0.30000000000000004')).toBe(QUANTITY_TOO_MANY_DECIMALS);
    expect(code('1e-7')).toBe(QUANTITY_TOO_MANY_DECIMALS);
    expect(code('5e-99999')).toBe(QUANTITY_TOO_MANY_DECIMALS);
  });

  it('refuses negative, empty and non-numeric text with its own code', () => {
    expect(code('-3')).toBe(QUANTITY_NEGATIVE);
    expect(code('-0.5')).toBe(QUANTITY_NEGATIVE);
    expect(code('-1.0000001')).toBe(QUANTITY_NEGATIVE);
    expect(code('')).toBe(QUANTITY_EMPTY);
    expect(code('  ')).toBe(QUANTITY_EMPTY);
    for (const text of ['abc', '1.2.3', '1,5', '.', '-', '+', '1e', '1e+', 'e5', 'NaN', 'Infinity', '0x10', '1 2', '--1', '3 units']) {
      expect(code(text), text).toBe(QUANTITY_NOT_A_NUMBER);
    }
  });

  it('refuses quantities beyond 2^53 − 1 micros, at the exact boundary', () => {
    expect(micros('9007199254.740991')).toBe(MAX_QUANTITY_MICROS);
    expect(code('9007199254.740992')).toBe(QUANTITY_TOO_LARGE);
    expect(code('9007199255')).toBe(QUANTITY_TOO_LARGE);
    expect(code('1e20')).toBe(QUANTITY_TOO_LARGE);
    expect(code('1e99999')).toBe(QUANTITY_TOO_LARGE);
    expect(micros('9007199254.7409910000')).toBe(MAX_QUANTITY_MICROS);
    expect(micros('0000000000000000000001.5')).toBe(1_500_000);
    expect(micros('1234567890.1234560')).toBe(1_234_567_890_123_456);
  });

  it('explains each refusal in a sentence naming the value', () => {
    const reason = (text: string): string => {
      const parsed = parseQuantityText(text);
      return parsed.ok ? '' : parsed.reason;
    };
    expect(reason('-3')).toBe('"-3" is negative; quantities must be zero or more.');
    expect(reason('abc')).toBe('"abc" is not a number; quantities are decimals such as 3 or 1.5.');
    expect(reason('1.1234567')).toBe('"1.1234567" has more than 6 decimals; quantities are kept in millionths of a unit.');
    expect(reason('1e20')).toBe('"1e20" is too large; quantities must be at most 9007199254.740991.');
    expect(reason('')).toBe('the quantity is empty.');
  });

  it('reads only the given range of a larger buffer', () => {
    const bytes = new TextEncoder().encode('a,12.5,b');
    expect(parseQuantityBytes(bytes, 2, 6)).toBe(12_500_000);
    expect(parseQuantityBytes(bytes, 2, 7)).toBe(QUANTITY_NOT_A_NUMBER);
  });

  it('parses formatted micros back to the same micros', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_QUANTITY_MICROS }), (value) => {
        expect(micros(formatQuantityMicros(value))).toBe(value);
        expect(micros(formatScaled(value, 6, 6))).toBe(value);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with exact BigInt arithmetic on random decimal text', () => {
    const text = fc
      .tuple(fc.stringMatching(/^[0-9]{1,18}$/), fc.stringMatching(/^[0-9]{0,9}$/), fc.integer({ min: -12, max: 12 }), fc.boolean())
      .map(([whole, fraction, exponent, withExponent]) => `${whole}${fraction === '' ? '' : `.${fraction}`}${withExponent ? `e${exponent}` : ''}`);
    fc.assert(
      fc.property(text, (input) => {
        const [mantissa, exponentText] = input.split('e');
        const [whole, fraction = ''] = mantissa.split('.');
        const power = Number(exponentText ?? '0') - fraction.length + 6;
        const digits = BigInt(whole + fraction);
        let expected: number;
        if (digits === 0n) expected = 0;
        else if (power >= 0) {
          const value = digits * 10n ** BigInt(power);
          expected = value > BigInt(MAX_QUANTITY_MICROS) ? QUANTITY_TOO_LARGE : Number(value);
        } else {
          const divisor = 10n ** BigInt(-power);
          if (digits % divisor !== 0n) expected = QUANTITY_TOO_MANY_DECIMALS;
          else {
            const value = digits / divisor;
            expected = value > BigInt(MAX_QUANTITY_MICROS) ? QUANTITY_TOO_LARGE : Number(value);
          }
        }
        expect(code(input)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });
});

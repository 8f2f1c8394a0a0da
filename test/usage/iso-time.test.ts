import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainTimeBytes, parseTimeBytes, parseTimeText, TIME_EXPECTED } from '../../core/engine/usage/iso-time';

function ms(text: string): number {
  const parsed = parseTimeText(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.ms;
}

function refusal(text: string): string {
  const parsed = parseTimeText(text);
  if (parsed.ok) throw new Error(`${text} was accepted as ${parsed.ms}`);
  return parsed.reason;
}

describe('ISO-8601 times', () => {
  it('reads a UTC date-time with Z', () => {
    expect(ms('2025-03-04T12:34:56Z')).toBe(Date.UTC(2025, 2, 4, 12, 34, 56));
  });

  it('reads a date alone as midnight UTC', () => {
    expect(ms('2025-03-04')).toBe(Date.UTC(2025, 2, 4));
  });

  it('reads milliseconds and truncates digits past the third', () => {
    expect(ms('2025-03-04T12:34:56.789Z')).toBe(Date.UTC(2025, 2, 4, 12, 34, 56, 789));
    expect(ms('2025-03-04T12:34:56.7Z')).toBe(Date.UTC(2025, 2, 4, 12, 34, 56, 700));
    expect(ms('2025-03-04T12:34:56.78Z')).toBe(Date.UTC(2025, 2, 4, 12, 34, 56, 780));
    expect(ms('2025-03-04T12:34:56.999999999Z')).toBe(Date.UTC(2025, 2, 4, 12, 34, 56, 999));
    expect(ms('2025-03-04T12:34:56,5Z')).toBe(Date.UTC(2025, 2, 4, 12, 34, 56, 500));
  });

  it('converts offsets to UTC', () => {
    const utc = Date.UTC(2025, 2, 4, 12, 34, 56);
    expect(ms('2025-03-04T12:34:56+00:00')).toBe(utc);
    expect(ms('2025-03-04T13:34:56+01:00')).toBe(utc);
    expect(ms('2025-03-04T07:04:56-05:30')).toBe(utc);
    expect(ms('2025-03-04T07:04:56-0530')).toBe(utc);
    expect(ms('2025-03-04T14:34:56+02')).toBe(utc);
    expect(ms('2025-03-05T00:34:56+12:00')).toBe(utc);
  });

  it('treats a date-time without an offset as UTC and accepts a space or lower-case separators', () => {
    const utc = Date.UTC(2025, 2, 4, 12, 34, 56);
    expect(ms('2025-03-04T12:34:56')).toBe(utc);
    expect(ms('2025-03-04 12:34:56')).toBe(utc);
    expect(ms('2025-03-04t12:34:56z')).toBe(utc);
    expect(ms('2025-03-04T12:34Z')).toBe(Date.UTC(2025, 2, 4, 12, 34));
    expect(ms('  2025-03-04T12:34:56Z ')).toBe(utc);
  });

  it('reads 29 February in leap years only', () => {
    expect(ms('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(ms('2000-02-29')).toBe(Date.UTC(2000, 1, 29));
    expect(refusal('2025-02-29')).toBe(
      `"2025-02-29" is not a valid time (day 29 is past the end of February 2025, which has 28 days); expected ${TIME_EXPECTED}.`,
    );
    expect(refusal('1900-02-29')).toContain('February 1900, which has 28 days');
  });

  it('refuses out-of-range fields, naming the field', () => {
    expect(refusal('2025-13-01')).toBe(`"2025-13-01" is not a valid time (month 13 is not 01–12); expected ${TIME_EXPECTED}.`);
    expect(refusal('2025-00-01')).toContain('(month 00 is not 01–12)');
    expect(refusal('2025-04-31')).toContain('(day 31 is past the end of April 2025, which has 30 days)');
    expect(refusal('2025-04-00')).toContain('(day 00 does not exist)');
    expect(refusal('2025-03-04T24:00:00Z')).toContain('(hour 24 is not 00–23)');
    expect(refusal('2025-03-04T12:60:00Z')).toContain('(minute 60 is not 00–59)');
    expect(refusal('2025-03-04T12:00:60Z')).toContain('(second 60 is not 00–59)');
    expect(refusal('2025-03-04T12:00:00+24:00')).toContain('(offset +24:00 is not between -23:59 and +23:59)');
  });

  it('refuses text that is not a time, saying what is expected', () => {
    expect(refusal('yesterday')).toBe(`"yesterday" is not a time; expected ${TIME_EXPECTED}.`);
    for (const text of [
      '2025-3-4',
      '2025/03/04',
      '04.03.2025',
      '2025-03-04T',
      '2025-03-04T12',
      '2025-03-04T12:3',
      '2025-03-04T12:34:5',
      '2025-03-04T12:34:56.',
      '2025-03-04T12:34:56Zx',
      '2025-03-04T12:34:56+1',
      '2025-03-04T12:34:56+01:',
      '2025-03-04X12:34:56',
      '2025-03-04Z',
      '1741091696000.5',
      '-',
      '12a',
      '',
      '   ',
    ]) {
      expect(parseTimeText(text).ok, text).toBe(false);
    }
  });

  it('agrees with Date.prototype.toISOString for any instant of years 0000–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (instant) => {
        const iso = new Date(instant).toISOString();
        expect(ms(iso)).toBe(instant);
        expect(ms(iso.slice(0, 10))).toBe(Math.floor(instant / 86_400_000) * 86_400_000);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('epoch milliseconds', () => {
  it('reads an integer as epoch milliseconds', () => {
    expect(ms('1741091696000')).toBe(1_741_091_696_000);
    expect(ms('0')).toBe(0);
    expect(ms('-86400000')).toBe(-86_400_000);
  });

  it('refuses values beyond what Date holds', () => {
    expect(ms('8640000000000000')).toBe(8.64e15);
    expect(refusal('8640000000000001')).toBe(
      `"8640000000000001" is not a valid time (epoch milliseconds must lie within ±8640000000000000); expected ${TIME_EXPECTED}.`,
    );
    expect(refusal('12345678901234567')).toContain('epoch milliseconds must lie within');
  });

  it('reads any epoch value Date holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (instant) => {
        expect(ms(String(instant))).toBe(instant);
      }),
    );
  });
});

describe('byte ranges', () => {
  it('reads only the given range of a larger buffer', () => {
    const bytes = new TextEncoder().encode('x,2025-03-04T00:00:01Z,9');
    expect(parseTimeBytes(bytes, 2, 22)).toBe(Date.UTC(2025, 2, 4, 0, 0, 1));
    expect(parseTimeBytes(bytes, 2, 21)).toBe(Date.UTC(2025, 2, 4, 0, 0, 1));
    expect(Number.isNaN(parseTimeBytes(bytes, 2, 23))).toBe(true);
  });

  it('explains only refusals', () => {
    const bytes = new TextEncoder().encode('2025-03-04');
    expect(() => explainTimeBytes(bytes, 0, bytes.length)).toThrow(/valid time/);
  });
});

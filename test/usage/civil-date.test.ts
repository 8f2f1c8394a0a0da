import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonthsMs,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  formatIsoDate,
  formatIsoMonth,
  formatIsoTimestamp,
  isLeapYear,
  isValidCivilDate,
  MS_PER_DAY,
  msFromCivil,
  startOfDayMs,
  startOfMonthMs,
} from '../../core/engine/calendar/civil-date';

/** Days from 1970-01-01 up to ±1,000,000 days (years −768 to 4707). */
const anyDay = fc.integer({ min: -1_000_000, max: 1_000_000 });
/** Instants Date can hold, a month inside its limits so that month starts stay representable too. */
const anyInstant = fc.integer({ min: -8.64e15 + 32 * MS_PER_DAY, max: 8.64e15 });

/** Date.UTC without its quirk of reading years 0–99 as 1900–1999: the test oracle. */
function utc(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

describe('civil dates', () => {
  it('puts day 0 on 1970-01-01 and knows fixed points', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(civilFromDays(0)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(daysFromCivil(2000, 3, 1)).toBe(11_017);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    expect(civilFromDays(-719_468)).toEqual({ year: 0, month: 3, day: 1 });
  });

  it('agrees with Date.UTC for any day', () => {
    fc.assert(
      fc.property(anyDay, (days) => {
        const date = new Date(days * MS_PER_DAY);
        const civil = civilFromDays(days);
        expect(civil).toEqual({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
        expect(daysFromCivil(civil.year, civil.month, civil.day)).toBe(days);
      }),
      { numRuns: 5000 },
    );
  });

  it('round-trips every day of 1900–2100 and steps one calendar day at a time', () => {
    const first = daysFromCivil(1900, 1, 1);
    const last = daysFromCivil(2100, 12, 31);
    const wrong: number[] = [];
    let previous = civilFromDays(first - 1);
    for (let days = first; days <= last; days++) {
      const civil = civilFromDays(days);
      const nextDayOfSameMonth = civil.day === previous.day + 1 && civil.month === previous.month;
      const firstOfNextMonth = civil.day === 1 && previous.day === daysInMonth(previous.year, previous.month);
      const valid = isValidCivilDate(civil.year, civil.month, civil.day);
      if (!valid || !(nextDayOfSameMonth || firstOfNextMonth) || daysFromCivil(civil.year, civil.month, civil.day) !== days) wrong.push(days);
      previous = civil;
    }
    expect(wrong).toEqual([]);
    expect(last - first + 1).toBe(201 * 365 + 49);
  });

  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(isValidCivilDate(2025, 2, 29)).toBe(false);
    expect(isValidCivilDate(2024, 2, 29)).toBe(true);
    expect(isValidCivilDate(2025, 13, 1)).toBe(false);
    expect(isValidCivilDate(2025, 0, 1)).toBe(false);
    expect(isValidCivilDate(2025, 1, 0)).toBe(false);
    expect(isValidCivilDate(2025, 1, 1.5)).toBe(false);
  });

  it('builds instants like Date.UTC', () => {
    expect(msFromCivil(2025, 3, 4, 12, 34, 56, 789)).toBe(Date.UTC(2025, 2, 4, 12, 34, 56, 789));
    expect(msFromCivil(1969, 12, 31, 23, 59, 59, 999)).toBe(-1);
  });
});

describe('month arithmetic', () => {
  it('finds the start of the day and of the month like Date', () => {
    fc.assert(
      fc.property(anyInstant, (ms) => {
        const date = new Date(ms);
        expect(startOfDayMs(ms)).toBe(utc(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
        expect(startOfMonthMs(ms)).toBe(utc(date.getUTCFullYear(), date.getUTCMonth(), 1));
      }),
      { numRuns: 3000 },
    );
  });

  it('clamps the day to the end of a shorter month and keeps the time of day', () => {
    const jan31 = Date.UTC(2025, 0, 31, 10, 30);
    expect(addMonthsMs(jan31, 1)).toBe(Date.UTC(2025, 1, 28, 10, 30));
    expect(addMonthsMs(Date.UTC(2024, 0, 31, 10, 30), 1)).toBe(Date.UTC(2024, 1, 29, 10, 30));
    expect(addMonthsMs(jan31, 3)).toBe(Date.UTC(2025, 3, 30, 10, 30));
    expect(addMonthsMs(jan31, 12)).toBe(Date.UTC(2026, 0, 31, 10, 30));
    expect(addMonthsMs(Date.UTC(2025, 2, 31), -1)).toBe(Date.UTC(2025, 1, 28));
    expect(addMonthsMs(Date.UTC(2025, 0, 15), -13)).toBe(Date.UTC(2023, 11, 15));
    expect(addMonthsMs(Date.UTC(1969, 11, 31, 23, 0), 2)).toBe(Date.UTC(1970, 1, 28, 23, 0));
    expect(() => addMonthsMs(0, 0.5)).toThrow(/whole number of months/);
  });

  it('adds months like Date with the day clamped, for any instant and count', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e14, max: 1e14 }), fc.integer({ min: -2400, max: 2400 }), (ms, months) => {
        const date = new Date(ms);
        const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
        const targetYear = Math.floor(monthIndex / 12);
        const targetMonth = monthIndex - targetYear * 12;
        const lastDay = new Date(utc(targetYear, targetMonth + 1, 0)).getUTCDate();
        const expected = utc(
          targetYear,
          targetMonth,
          Math.min(date.getUTCDate(), lastDay),
          date.getUTCHours(),
          date.getUTCMinutes(),
          date.getUTCSeconds(),
          date.getUTCMilliseconds(),
        );
        expect(addMonthsMs(ms, months)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('ISO text', () => {
  it('formats dates, months and timestamps', () => {
    const ms = Date.UTC(2025, 2, 4, 12, 34, 56, 7);
    expect(formatIsoDate(ms)).toBe('2025-03-04');
    expect(formatIsoMonth(ms)).toBe('2025-03');
    expect(formatIsoTimestamp(ms)).toBe('2025-03-04T12:34:56.007Z');
    expect(formatIsoTimestamp(-1)).toBe('1969-12-31T23:59:59.999Z');
    expect(formatIsoDate(Date.UTC(-5, 0, 1))).toBe('-000005-01-01');
    expect(() => formatIsoTimestamp(1.5)).toThrow(/integer milliseconds/);
  });

  it('writes the same timestamp text as Date.prototype.toISOString', () => {
    fc.assert(
      fc.property(anyInstant, (ms) => {
        const iso = new Date(ms).toISOString();
        expect(formatIsoTimestamp(ms)).toBe(iso);
        expect(formatIsoDate(ms)).toBe(iso.slice(0, iso.indexOf('T')));
        expect(formatIsoMonth(ms)).toBe(iso.slice(0, iso.indexOf('T') - 3));
      }),
      { numRuns: 5000 },
    );
  });
});

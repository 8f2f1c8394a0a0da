// Proleptic Gregorian calendar dates in UTC by integer arithmetic: a day count since 1970-01-01 and a
// (year, month, day) triple convert into each other exactly, with no Date object and no time zone involved.
// The algorithms are Howard Hinnant's days_from_civil / civil_from_days (valid for any year a double can hold).

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/** True when the integers name a real date: month 1–12 and day within that month (29 Feb only in leap years). */
export function isValidCivilDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * Days from 1970-01-01 to the given date (negative before). The caller passes a valid date (see
 * isValidCivilDate); this function stays unchecked because time parsing calls it once per event row.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  // Count years from March so that the leap day is the last day of the counted year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400; // 0..399
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1; // 0..365
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date `days` days after 1970-01-01; the inverse of daysFromCivil. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097; // 0..146096
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Epoch milliseconds of a UTC date and time of day; unchecked like daysFromCivil. */
export function msFromCivil(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * MS_PER_SECOND + millisecond
  );
}

/** Whole days since 1970-01-01 of an instant, rounding toward the past (so times before 1970 stay on their day). */
export function daysFromMs(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

/** Midnight UTC at the start of the instant's day. */
export function startOfDayMs(ms: number): number {
  return daysFromMs(ms) * MS_PER_DAY;
}

/** Midnight UTC on the first day of the instant's month. */
export function startOfMonthMs(ms: number): number {
  const { year, month } = civilFromDays(daysFromMs(ms));
  return daysFromCivil(year, month, 1) * MS_PER_DAY;
}

/**
 * The same day of month and time of day `months` months later (or earlier when negative). When the target month
 * is shorter, the day is clamped to its last day: Jan 31 + 1 month = Feb 28 (Feb 29 in a leap year).
 */
export function addMonthsMs(ms: number, months: number): number {
  if (!Number.isInteger(months)) throw new Error(`invariant: addMonthsMs needs a whole number of months, got ${months}`);
  const days = daysFromMs(ms);
  const timeOfDayMs = ms - days * MS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return daysFromCivil(targetYear, targetMonth, targetDay) * MS_PER_DAY + timeOfDayMs;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Years as Date.prototype.toISOString writes them: four digits in 0–9999, otherwise a sign and six digits. */
function formatYear(year: number): string {
  if (year >= 0 && year <= 9999) return pad(year, 4);
  return (year < 0 ? '-' : '+') + pad(Math.abs(year), 6);
}

/** "2025-03-04" for any instant on that UTC day. */
export function formatIsoDate(ms: number): string {
  const { year, month, day } = civilFromDays(daysFromMs(ms));
  return `${formatYear(year)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** "2025-03" for any instant in that UTC month. */
export function formatIsoMonth(ms: number): string {
  const { year, month } = civilFromDays(daysFromMs(ms));
  return `${formatYear(year)}-${pad(month, 2)}`;
}

/** "2025-03-04T12:34:56.789Z": the same text as Date.prototype.toISOString, always with milliseconds. */
export function formatIsoTimestamp(ms: number): string {
  if (!Number.isSafeInteger(ms)) throw new Error(`invariant: formatIsoTimestamp needs integer milliseconds, got ${ms}`);
  const days = daysFromMs(ms);
  let rest = ms - days * MS_PER_DAY;
  const hour = Math.floor(rest / MS_PER_HOUR);
  rest -= hour * MS_PER_HOUR;
  const minute = Math.floor(rest / MS_PER_MINUTE);
  rest -= minute * MS_PER_MINUTE;
  const second = Math.floor(rest / MS_PER_SECOND);
  const millisecond = rest - second * MS_PER_SECOND;
  return `${formatIsoDate(ms)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${pad(millisecond, 3)}Z`;
}

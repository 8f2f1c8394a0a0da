// The generation window cut into UTC days, each with the weight of an ordinary customer's usage on that day:
// weekdays busier than weekends, months scaled by a seasonal factor. UTC has no daylight saving, so every day is
// exactly DAY_MS long and day boundaries are integers.

export const DAY_MS = 86_400_000;

export interface UsageCalendar {
  /** First millisecond of the window (the first of a UTC month). */
  startMs: number;
  /** First millisecond after the window. */
  endMs: number;
  dayCount: number;
  /** Relative usage weight of each day of the window. */
  dayWeight: Float64Array;
}

/** The same day-of-month `months` later (clamped to the month's last day), same time of day, in UTC. */
export function addUtcMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  const timeOfDayMs = ms - Date.UTC(year, date.getUTCMonth(), date.getUTCDate());
  return Date.UTC(year, month, day) + timeOfDayMs;
}

export function isUtcMonthStart(ms: number): boolean {
  if (!Number.isSafeInteger(ms)) return false;
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) === ms;
}

/** Day of the week of a UTC day index counted from the epoch: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

export function buildUsageCalendar(
  startMs: number,
  months: number,
  weekendFactor: number,
  seasonality: readonly number[],
): UsageCalendar {
  if (!isUtcMonthStart(startMs)) throw new Error(`invariant: start ${startMs} is not the first millisecond of a UTC month`);
  if (!Number.isInteger(months) || months < 1) throw new Error(`invariant: months ${months} must be a positive integer`);
  if (!(weekendFactor > 0)) throw new Error(`invariant: weekend factor ${weekendFactor} must be positive`);
  if (seasonality.length !== 12 || seasonality.some((factor) => !(factor > 0) || !Number.isFinite(factor))) {
    throw new Error('invariant: seasonality needs 12 positive factors, January first');
  }
  const endMs = addUtcMonths(startMs, months);
  const dayCount = (endMs - startMs) / DAY_MS;
  const dayWeight = new Float64Array(dayCount);
  const firstEpochDay = startMs / DAY_MS;
  for (let day = 0; day < dayCount; day++) {
    const weekday = dayOfWeek(firstEpochDay + day);
    const weekly = weekday === 0 || weekday === 6 ? weekendFactor : 1;
    const month = new Date(startMs + day * DAY_MS).getUTCMonth();
    dayWeight[day] = weekly * seasonality[month];
  }
  return { startMs, endMs, dayCount, dayWeight };
}

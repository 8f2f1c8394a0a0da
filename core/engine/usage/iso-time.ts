// Event and customer times read from bytes into integer epoch milliseconds (UTC) without Date: ISO-8601 dates
// and date-times (offsets converted to UTC) or epoch milliseconds. Every field is range-checked, so an
// impossible date such as 2025-02-30 is refused instead of rolling over into March.
//
// Accepted forms:
//   2025-03-04                        midnight UTC
//   2025-03-04T12:34  2025-03-04T12:34:56  2025-03-04T12:34:56.789   (T, t or a space; no offset = UTC)
//   ... followed by Z, +01:00, -0530 or +01   (converted to UTC)
//   1741091696000  -86400000          epoch milliseconds, an integer of at most 16 digits
// Digits after the third decimal of the seconds are dropped (truncated), so a time never moves later.

import { daysFromCivil, daysInMonth, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND } from '../calendar/civil-date';
import { quoteValue } from './import-error';
import { decodeUtf8, encodeUtf8 } from './utf8-bytes';

/** What a time must look like, for messages. */
export const TIME_EXPECTED =
  'an ISO-8601 UTC time such as 2025-03-04T12:34:56Z, a date such as 2025-03-04 or epoch milliseconds such as 1741091696000';

/** Largest instant Date can hold (±100,000,000 days); epoch milliseconds beyond it are refused. */
const MAX_EPOCH_MS = 8.64e15;
const MAX_EPOCH_DIGITS = 16;

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const SPACE = 0x20;
const TAB = 0x09;
const MINUS = 0x2d;
const PLUS = 0x2b;
const COLON = 0x3a;
const DOT = 0x2e;
const COMMA = 0x2c;

/** Two digits at `index` as a number, or -1 (also for bytes past the end, which read as undefined → NaN). */
function twoDigits(bytes: Uint8Array, index: number): number {
  const tens = bytes[index] - 0x30;
  const ones = bytes[index + 1] - 0x30;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * Reads a time; returns epoch milliseconds or NaN. When `why` is given, the reason for a refusal of a
 * well-formed but out-of-range value is pushed onto it (nothing is pushed for text that is not a time at all).
 */
function scanTime(bytes: Uint8Array, from: number, to: number, why: string[] | null): number {
  let start = from;
  let end = to;
  while (start < end && (bytes[start] === SPACE || bytes[start] === TAB)) start++;
  while (end > start && (bytes[end - 1] === SPACE || bytes[end - 1] === TAB)) end--;
  if (start === end) return NaN;
  if (end - start >= 10 && bytes[start + 4] === MINUS) return scanIso(bytes, start, end, why);
  return scanEpoch(bytes, start, end, why);
}

/** Epoch milliseconds: an optional minus and digits only. */
function scanEpoch(bytes: Uint8Array, start: number, end: number, why: string[] | null): number {
  const first = bytes[start] === MINUS ? start + 1 : start;
  if (first === end) return NaN;
  let value = 0;
  for (let i = first; i < end; i++) {
    const digit = bytes[i] - 0x30;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  if (end - first > MAX_EPOCH_DIGITS || value > MAX_EPOCH_MS) {
    if (why) why.push('epoch milliseconds must lie within ±8640000000000000');
    return NaN;
  }
  return first > start ? -value : value;
}

/**
 * The last date read and its midnight: files hold many events per day, and reusing the day skips the
 * calendar arithmetic. A cache only: it never changes a result.
 */
let cachedDateKey = -1;
let cachedDayMs = 0;

/** Midnight UTC of YYYY-MM-DD at `start`, or NaN. */
function scanDate(bytes: Uint8Array, start: number, why: string[] | null): number {
  if (bytes[start + 7] !== MINUS) return NaN;
  const yearHigh = twoDigits(bytes, start);
  const yearLow = twoDigits(bytes, start + 2);
  const month = twoDigits(bytes, start + 5);
  const day = twoDigits(bytes, start + 8);
  if (yearHigh < 0 || yearLow < 0 || month < 0 || day < 0) return NaN;
  const year = yearHigh * 100 + yearLow;
  const dateKey = (year * 100 + month) * 100 + day;
  if (dateKey === cachedDateKey) return cachedDayMs;
  if (month < 1 || month > 12) {
    if (why) why.push(`month ${pad2(month)} is not 01–12`);
    return NaN;
  }
  const monthDays = daysInMonth(year, month);
  if (day < 1 || day > monthDays) {
    if (why) {
      why.push(
        day < 1 ? 'day 00 does not exist' : `day ${day} is past the end of ${MONTH_NAMES[month - 1]} ${year}, which has ${monthDays} days`,
      );
    }
    return NaN;
  }
  cachedDayMs = daysFromCivil(year, month, day) * MS_PER_DAY;
  cachedDateKey = dateKey;
  return cachedDayMs;
}

/** YYYY-MM-DD, optionally followed by THH:MM[:SS[.fff]] and a zone. */
function scanIso(bytes: Uint8Array, start: number, end: number, why: string[] | null): number {
  const dayMs = scanDate(bytes, start, why);
  if (Number.isNaN(dayMs)) return NaN;
  let i = start + 10;
  if (i === end) return dayMs;

  const separator = bytes[i];
  if (separator !== 0x54 && separator !== 0x74 && separator !== SPACE) return NaN;
  if (end - i < 6 || bytes[i + 3] !== COLON) return NaN;
  const hour = twoDigits(bytes, i + 1);
  const minute = twoDigits(bytes, i + 4);
  if (hour < 0 || minute < 0) return NaN;
  i += 6;
  let second = 0;
  let millisecond = 0;
  if (i < end && bytes[i] === COLON) {
    if (end - i < 3) return NaN;
    second = twoDigits(bytes, i + 1);
    if (second < 0) return NaN;
    i += 3;
    if (i < end && (bytes[i] === DOT || bytes[i] === COMMA)) {
      i++;
      const fractionStart = i;
      let scale = 100;
      while (i < end) {
        const digit = bytes[i] - 0x30;
        if (digit < 0 || digit > 9) break;
        // Only the first three digits count; the rest are truncated.
        millisecond += digit * scale;
        scale = Math.floor(scale / 10);
        i++;
      }
      if (i === fractionStart) return NaN;
    }
  }

  // Z, ±HH:MM, ±HHMM or ±HH; nothing means UTC.
  let offsetMs = 0;
  if (i < end) {
    const zone = bytes[i];
    if (zone === 0x5a || zone === 0x7a) {
      i++;
    } else if (zone === PLUS || zone === MINUS) {
      if (end - i < 3) return NaN;
      const offsetHour = twoDigits(bytes, i + 1);
      if (offsetHour < 0) return NaN;
      let offsetMinute = 0;
      let next = i + 3;
      if (next < end) {
        if (bytes[next] === COLON) next++;
        if (end - next < 2) return NaN;
        offsetMinute = twoDigits(bytes, next);
        if (offsetMinute < 0) return NaN;
        next += 2;
      }
      if (offsetHour > 23 || offsetMinute > 59) {
        if (why) why.push(`offset ${zone === PLUS ? '+' : '-'}${pad2(offsetHour)}:${pad2(offsetMinute)} is not between -23:59 and +23:59`);
        return NaN;
      }
      offsetMs = (zone === PLUS ? 1 : -1) * (offsetHour * MS_PER_HOUR + offsetMinute * MS_PER_MINUTE);
      i = next;
    } else {
      return NaN;
    }
  }
  if (i !== end) return NaN;

  if (hour > 23) {
    if (why) why.push(`hour ${pad2(hour)} is not 00–23`);
    return NaN;
  }
  if (minute > 59) {
    if (why) why.push(`minute ${pad2(minute)} is not 00–59`);
    return NaN;
  }
  if (second > 59) {
    if (why) why.push(`second ${pad2(second)} is not 00–59`);
    return NaN;
  }
  return dayMs + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * MS_PER_SECOND + millisecond - offsetMs;
}

/** Epoch milliseconds (UTC, an integer) of the time in bytes[start, end), or NaN when it is not a valid time. */
export function parseTimeBytes(bytes: Uint8Array, start: number, end: number): number {
  return scanTime(bytes, start, end, null);
}

/** The sentence that says why bytes[start, end) is not a time, naming what was found and what is expected. */
export function explainTimeBytes(bytes: Uint8Array, start: number, end: number): string {
  const why: string[] = [];
  const ms = scanTime(bytes, start, end, why);
  if (!Number.isNaN(ms)) throw new Error('invariant: explainTimeBytes called on a valid time');
  const found = quoteValue(decodeUtf8(bytes, start, end));
  if (why.length === 0) return `${found} is not a time; expected ${TIME_EXPECTED}.`;
  return `${found} is not a valid time (${why[0]}); expected ${TIME_EXPECTED}.`;
}

export type TimeParse = { ok: true; ms: number } | { ok: false; reason: string };

/** parseTimeBytes for a string, with the refusal sentence: for settings and forms rather than files. */
export function parseTimeText(text: string): TimeParse {
  const bytes = encodeUtf8(text);
  const ms = parseTimeBytes(bytes, 0, bytes.length);
  if (Number.isNaN(ms)) return { ok: false, reason: explainTimeBytes(bytes, 0, bytes.length) };
  return { ok: true, ms };
}

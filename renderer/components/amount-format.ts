// How the screens write amounts for people: money rounded to the currency's minor unit by core (half away from zero),
// then dressed in the locale's separators and the currency's symbol; credits and units exact. The digits always come
// from core's exact text; Intl only tells which symbol and separators the locale uses, so no amount passes through
// binary floating point on its way to the page.

import {
  formatCredits,
  formatDecimalString,
  formatMoneyRounded,
  formatUnits,
} from '../../core/engine/report/report-amount-text';

/** The locale the screens write numbers in; fixed, so every person and every test sees the same text. */
export const DISPLAY_LOCALE = 'en-US';

interface LocaleMarks {
  group: string;
  decimal: string;
}

interface CurrencyMarks {
  symbol: string;
  /** The symbol comes before the number ("$1.00") or after it ("1,00 €"). */
  before: boolean;
  spaced: boolean;
}

const localeCache = new Map<string, LocaleMarks>();
const currencyCache = new Map<string, CurrencyMarks>();

function localeMarks(locale: string): LocaleMarks {
  const cached = localeCache.get(locale);
  if (cached !== undefined) return cached;
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.5);
  const marks = {
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
  };
  localeCache.set(locale, marks);
  return marks;
}

function currencyMarks(currency: string, locale: string): CurrencyMarks {
  const key = `${locale}|${currency}`;
  const cached = currencyCache.get(key);
  if (cached !== undefined) return cached;
  let marks: CurrencyMarks;
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(1);
    const symbolIndex = parts.findIndex((part) => part.type === 'currency');
    const integerIndex = parts.findIndex((part) => part.type === 'integer');
    marks = {
      symbol: symbolIndex < 0 ? currency : parts[symbolIndex].value,
      before: symbolIndex < integerIndex,
      spaced: parts.some((part) => part.type === 'literal' && part.value.trim() === ''),
    };
  } catch {
    // A code Intl does not know (a private currency): written as its code.
    marks = { symbol: currency, before: false, spaced: true };
  }
  currencyCache.set(key, marks);
  return marks;
}

/** "-1234567.50" → "-1,234,567.50" in the locale's marks. */
export function localiseDecimalText(text: string, locale: string = DISPLAY_LOCALE): string {
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) return text;
  const [, sign, whole, fraction] = match;
  const marks = localeMarks(locale);
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, marks.group);
  return `${sign}${grouped}${fraction === undefined ? '' : `${marks.decimal}${fraction}`}`;
}

function withSymbol(digits: string, currency: string, locale: string): string {
  const marks = currencyMarks(currency, locale);
  const negative = digits.startsWith('-');
  const plus = digits.startsWith('+');
  const body = negative || plus ? digits.slice(1) : digits;
  const space = marks.spaced ? '\u00a0' : '';
  const dressed = marks.before ? `${marks.symbol}${space}${body}` : `${body}${space}${marks.symbol}`;
  return `${negative ? '−' : plus ? '+' : ''}${dressed}`;
}

/** Money micros for a person: "$1,234.57", "−$0.13". */
export function formatMoney(micros: number, currency: string, locale: string = DISPLAY_LOCALE): string {
  return withSymbol(localiseDecimalText(formatMoneyRounded(micros, currency), locale), currency, locale);
}

/** A change of money with its sign always shown: "+$12.00", "−$3.50", "$0.00". */
export function formatMoneyChange(micros: number, currency: string, locale: string = DISPLAY_LOCALE): string {
  const text = formatMoney(micros, currency, locale);
  return micros > 0 && formatMoneyRounded(micros, currency).replace(/[0.]/g, '') !== '' ? `+${text}` : text;
}

/** A report's decimal string of money per unit (effective price), its digits as computed: "$0.015". */
export function formatPricePerUnit(text: string | null, currency: string, locale: string = DISPLAY_LOCALE): string {
  if (text === null) return '—';
  return withSymbol(localiseDecimalText(formatDecimalString(trimZeros(text), 2), locale), currency, locale);
}

/** Credits at the book's precision, exact: "12,345.50 credits" without the noun. */
export function formatCreditAmount(credits: number, creditDecimals: number, locale: string = DISPLAY_LOCALE): string {
  return localiseDecimalText(formatCredits(credits, creditDecimals), locale);
}

export function formatUnitAmount(unitsMicros: number, locale: string = DISPLAY_LOCALE): string {
  return localiseDecimalText(formatUnits(unitsMicros), locale);
}

export function formatCount(value: number, locale: string = DISPLAY_LOCALE): string {
  return localiseDecimalText(String(value), locale);
}

/** "+12.50%" from the report's percent text; "—" when there is none. */
export function formatPercentText(text: string | null): string {
  return text === null ? '—' : `${text.replace('-', '−')}%`;
}

/** Trailing zeros of a decimal string dropped ("0.015000000" → "0.015"); whole numbers keep no point. */
function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

// How the screens write amounts for people: money rounded to the currency's minor unit by core (half away from zero),
// then dressed in the locale's separators, minus sign and currency symbol; credits and units exact. The digits always
// come from core's exact text; Intl only tells which marks the locale uses and where they go (it groups the whole part
// as a BigInt, which is exact at any size), so no amount passes through binary floating point on its way to the page.
// Files get PLAIN_NUMBERS instead of a locale: core's text as it is ("-1234.57"), the same on every machine.

import {
  formatCredits,
  formatDecimalString,
  formatMoneyRounded,
  formatUnits,
} from '../../core/engine/report/report-amount-text';

/** Numbers for a file rather than a person: no grouping, "." for the decimal point, "-" for minus, no symbol. */
export const PLAIN_NUMBERS: unique symbol = Symbol('plain numbers');

/** A BCP 47 tag Intl supports ("de-DE"), or PLAIN_NUMBERS for machine-readable text. */
export type NumberLocale = string | typeof PLAIN_NUMBERS;

/** What a cell says where a figure does not apply: a dash for people, an empty field in a file. */
export function noFigure(locale: NumberLocale): string {
  return locale === PLAIN_NUMBERS ? '' : '—';
}

/** The text around a number in one locale and style: "-" and "$" before, " €" after, and so on. */
interface Affixes {
  prefix: string;
  suffix: string;
}

interface LocaleStyle {
  /** Groups the digits of a whole number the locale's way (en-IN "12,34,567", es-ES "1234" but "12.345"). */
  groupWhole: (whole: bigint) => string;
  decimal: string;
  positive: Affixes;
  negative: Affixes;
  /** A positive number whose sign is written ("+12.00 $"). */
  plus: Affixes;
}

type Style = { kind: 'number' } | { kind: 'percent' } | { kind: 'currency'; currency: string };

const NUMERIC_PARTS: ReadonlySet<string> = new Set(['integer', 'group', 'decimal', 'fraction']);
const styleCache = new Map<string, LocaleStyle>();
const axisCache = new Map<string, Intl.NumberFormat>();

function affixesOf(parts: readonly Intl.NumberFormatPart[]): Affixes {
  const first = parts.findIndex((part) => NUMERIC_PARTS.has(part.type));
  let last = first;
  while (last + 1 < parts.length && NUMERIC_PARTS.has(parts[last + 1].type)) last += 1;
  const text = (from: number, to: number): string => parts.slice(from, to).map((part) => part.value).join('');
  return { prefix: text(0, first), suffix: text(last + 1, parts.length) };
}

function intlOptions(style: Style): Intl.NumberFormatOptions {
  // Latin digits always: the fraction digits are core's, so the whole part must be written with the same digits.
  const common: Intl.NumberFormatOptions = { numberingSystem: 'latn' };
  if (style.kind === 'currency') return { ...common, style: 'currency', currency: style.currency };
  if (style.kind === 'percent') return { ...common, style: 'percent' };
  return common;
}

function compileStyle(locale: string, style: Style): LocaleStyle {
  const options = intlOptions(style);
  // A percent formatter multiplies by 100, so a percent text's digits are grouped and pointed as a plain number's.
  const digitOptions = style.kind === 'percent' ? intlOptions({ kind: 'number' }) : options;
  const whole = new Intl.NumberFormat(locale, { ...options, minimumFractionDigits: 0, maximumFractionDigits: 0 });
  const wholeDigits = new Intl.NumberFormat(locale, { ...digitOptions, minimumFractionDigits: 0, maximumFractionDigits: 0 });
  const fractional = new Intl.NumberFormat(locale, { ...digitOptions, minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(locale, { ...options, minimumFractionDigits: 0, maximumFractionDigits: 0, signDisplay: 'always' });
  return {
    groupWhole: (value) =>
      wholeDigits
        .formatToParts(value)
        .filter((part) => part.type === 'integer' || part.type === 'group')
        .map((part) => part.value)
        .join(''),
    decimal: fractional.formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.',
    positive: affixesOf(whole.formatToParts(1)),
    negative: affixesOf(whole.formatToParts(-1)),
    plus: affixesOf(signed.formatToParts(1)),
  };
}

function localeStyle(locale: string, style: Style): LocaleStyle {
  const key = `${locale}|${style.kind}|${style.kind === 'currency' ? style.currency : ''}`;
  const cached = styleCache.get(key);
  if (cached !== undefined) return cached;
  let compiled: LocaleStyle;
  try {
    compiled = compileStyle(locale, style);
  } catch (error) {
    // Only a currency code Intl refuses (not three letters) gets here: the number is written, then the code.
    if (style.kind !== 'currency' || !(error instanceof RangeError)) throw error;
    const number = compileStyle(locale, { kind: 'number' });
    const after = (affixes: Affixes): Affixes => ({ prefix: affixes.prefix, suffix: `${affixes.suffix}\u00a0${style.currency}` });
    compiled = { ...number, positive: after(number.positive), negative: after(number.negative), plus: after(number.plus) };
  }
  styleCache.set(key, compiled);
  return compiled;
}

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * Exact decimal text ("-1234567.50") in a locale's style; `showPlus` writes the sign of a positive number. Text that
 * is not a plain decimal is returned as it is.
 */
function dress(text: string, locale: NumberLocale, style: Style, showPlus = false): string {
  const match = DECIMAL_TEXT.exec(text);
  if (match === null) return text;
  const [, sign, whole, fraction] = match;
  if (locale === PLAIN_NUMBERS) return `${sign === '-' ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`;
  const marks = localeStyle(locale, style);
  const affixes = sign === '-' ? marks.negative : showPlus || sign === '+' ? marks.plus : marks.positive;
  return `${affixes.prefix}${marks.groupWhole(BigInt(whole))}${fraction === undefined ? '' : `${marks.decimal}${fraction}`}${affixes.suffix}`;
}

/** "-1234567.50" → "-1,234,567.50" (en-US), "-1.234.567,50" (de-DE), "-12,34,567.50" (en-IN); plain: unchanged. */
export function localiseDecimalText(text: string, locale: NumberLocale): string {
  return dress(text, locale, { kind: 'number' });
}

/** Money micros for a person: "$1,234.57", "-$0.13", "1.234,57 $" (de-DE); plain: "1234.57". */
export function formatMoney(micros: number, currency: string, locale: NumberLocale): string {
  return dress(formatMoneyRounded(micros, currency), locale, { kind: 'currency', currency });
}

/** A change of money with its sign always shown: "+$12.00", "-$3.50", "$0.00"; plain: "12.00". */
export function formatMoneyChange(micros: number, currency: string, locale: NumberLocale): string {
  const rounded = formatMoneyRounded(micros, currency);
  // A change that rounds to nothing has no sign: "+$0.00" would claim a rise the table cannot show.
  const showPlus = micros > 0 && /[1-9]/.test(rounded);
  return dress(rounded, locale, { kind: 'currency', currency }, showPlus);
}

/** A report's decimal string of money per unit (effective price), its digits as computed: "$0.015". */
export function formatPricePerUnit(text: string | null, currency: string, locale: NumberLocale): string {
  if (text === null) return noFigure(locale);
  return dress(formatDecimalString(trimZeros(text), 2), locale, { kind: 'currency', currency });
}

/** Credits at the book's precision, exact: "12,345.50" (the noun is the caller's). */
export function formatCreditAmount(credits: number, creditDecimals: number, locale: NumberLocale): string {
  return localiseDecimalText(formatCredits(credits, creditDecimals), locale);
}

export function formatUnitAmount(unitsMicros: number, locale: NumberLocale): string {
  return localiseDecimalText(formatUnits(unitsMicros), locale);
}

/** A whole count: "50,000", "50.000" (de-DE), "50 000" (fr-FR, a narrow no-break space). */
export function formatCount(value: number, locale: NumberLocale): string {
  return localiseDecimalText(String(value), locale);
}

/** "+12.50%" / "-3,25 %" (de-DE) from the report's percent text; a dash when there is none; plain: "-3.25". */
export function formatPercentText(text: string | null, locale: NumberLocale): string {
  if (text === null) return noFigure(locale);
  return dress(text.replace('\u2212', '-').replace(/\s*%$/, ''), locale, { kind: 'percent' });
}

/**
 * A value on a chart's axis, in the locale's marks. Axis ticks are plotted floats the chart picked (0.005, 2000),
 * never a figure read as an amount; the figures themselves go through the exact formatters above.
 */
export function formatAxisValue(value: number, locale: string): string {
  let formatter = axisCache.get(locale);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale, { numberingSystem: 'latn', maximumFractionDigits: 10 });
    axisCache.set(locale, formatter);
  }
  return formatter.format(value);
}

/** Trailing zeros of a decimal string dropped ("0.015000000" → "0.015"); whole numbers keep no point. */
function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

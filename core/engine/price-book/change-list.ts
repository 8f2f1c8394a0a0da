// One change of a price book diff and how it is written: before and after as canonical text, a percent change for
// decimal amounts, and a summary sentence ("Feature "tokens": burn per unit 1 → 1.25 credits (+25.00%)").

import type { ExactDecimal } from '../decimal/decimal-text';
import { compareDecimals, formatDecimal, formatScaled, parseDecimal } from '../decimal/decimal-text';
import { moneyDisplay } from './amount-text';
import { absoluteDecimal, divideHalfAwayFromZero, subtractDecimals } from './exact-arithmetic';
import type { DecimalText } from './model';

export type ChangeKind = 'added' | 'removed' | 'changed';
export type ChangeEntity = 'feature' | 'plan' | 'pack' | 'promotions' | 'book';

export interface PriceBookChange {
  /** JSON path in the after book (in the before book for removals): "$.features[0].burnPerUnit". */
  path: string;
  kind: ChangeKind;
  entity: ChangeEntity;
  /** Key of the feature, plan or pack; null for the book, the promotions and a list's order. */
  key: string | null;
  /** Field within the entity ("burnPerUnit", "tiers[1].burnPerUnit", "rollover.percent"); "" for the entity itself. */
  field: string;
  /** Canonical text of the value (decimals via formatDecimal); for a whole entity, its name; null when absent. */
  before: string | null;
  after: string | null;
  /** "+25.00%" for decimal amounts when before ≠ 0 (see percentChangeText); null otherwise. */
  percentChange: string | null;
  summary: string;
}

/**
 * (after − before) ÷ |before| × 100, rounded half away from zero to 2 decimals and signed by the direction of the
 * change: 1 → 1.25 is "+25.00%", 3 → 2 is "-33.33%", 1 → 0.99999 is "-0.00%". Null when before is 0.
 */
export function percentChangeText(before: ExactDecimal, after: ExactDecimal): string | null {
  if (before.digits === 0n) return null;
  const change = subtractDecimals(after, before);
  const hundredfold = { digits: change.digits * 100n, decimals: change.decimals };
  const scaled = divideHalfAwayFromZero(hundredfold, absoluteDecimal(before), 2);
  return `${change.digits < 0n ? '-' : '+'}${formatScaled(scaled < 0n ? -scaled : scaled, 2, 2)}%`;
}

/** How an amount is shown in a summary; the unit is written once, after the "after" value. */
export type AmountUnit = 'credits' | 'money' | 'units' | 'percent' | 'rate' | 'days' | 'periods' | 'none';

const UNIT_SUFFIX: Record<Exclude<AmountUnit, 'money' | 'percent'>, string> = {
  credits: ' credits',
  units: ' units',
  rate: '',
  days: ' days',
  periods: ' periods',
  none: '',
};

/** Where a change happens: its entity, how a sentence names it, and its JSON paths in either book. */
export interface ChangeContext {
  entity: ChangeEntity;
  key: string | null;
  subject: string;
  beforePath: string;
  afterPath: string;
}

const SUMMARY_TEXT_LENGTH = 60;

function shortText(text: string): string {
  return text.length > SUMMARY_TEXT_LENGTH ? `${text.slice(0, SUMMARY_TEXT_LENGTH)}…` : text;
}

function readDecimal(value: DecimalText | null | undefined): { exact: ExactDecimal | null; text: string | null } {
  if (value === null || value === undefined) return { exact: null, text: null };
  const parsed = parseDecimal(value);
  return parsed.ok ? { exact: parsed.value, text: formatDecimal(parsed.value) } : { exact: null, text: String(value) };
}

/** Collects changes in the order they are found. */
export class ChangeList {
  readonly changes: PriceBookChange[] = [];

  constructor(
    private readonly beforeCurrency: string,
    private readonly afterCurrency: string,
  ) {}

  private push(
    context: ChangeContext,
    kind: ChangeKind,
    field: string,
    values: { before: string | null; after: string | null; percentChange?: string | null },
    summary: string,
  ): void {
    const base = kind === 'removed' ? context.beforePath : context.afterPath;
    const path = field === '' ? base : `${base}.${field}`;
    const { before, after } = values;
    const percentChange = values.percentChange ?? null;
    const { entity, key } = context;
    this.changes.push({ path, kind, entity, key, field, before, after, percentChange, summary });
  }

  /** Money reads "49.00 → 59.00 USD"; if the currency changed too, each side carries its own code. */
  private shown(text: string, unit: AmountUnit, side: 'before' | 'after', withUnit: boolean): string {
    if (unit === 'money') {
      const money = moneyDisplay(text, side === 'before' ? this.beforeCurrency : this.afterCurrency);
      return withUnit ? money : money.slice(0, money.lastIndexOf(' '));
    }
    if (unit === 'percent') return `${text}%`;
    return withUnit ? `${text}${UNIT_SUFFIX[unit]}` : text;
  }

  /** A decimal field; the same value in any spelling ("1.0", 1) is no change. */
  decimal(
    context: ChangeContext,
    field: string,
    label: string,
    unit: AmountUnit,
    before: DecimalText | null | undefined,
    after: DecimalText | null | undefined,
  ): void {
    const b = readDecimal(before);
    const a = readDecimal(after);
    if (b.exact && a.exact ? compareDecimals(b.exact, a.exact) === 0 : b.text === a.text) return;
    const percent = b.exact && a.exact ? percentChangeText(b.exact, a.exact) : null;
    this.amount(context, field, label, unit, b.text, a.text, percent);
  }

  whole(context: ChangeContext, field: string, label: string, unit: AmountUnit, before: number, after: number): void {
    if (before !== after) this.amount(context, field, label, unit, String(before), String(after), null);
  }

  private amount(
    context: ChangeContext,
    field: string,
    label: string,
    unit: AmountUnit,
    before: string | null,
    after: string | null,
    percent: string | null,
  ): void {
    const head = `${context.subject}: ${label}`;
    if (before === null && after !== null) {
      this.push(context, 'added', field, { before, after }, `${head} set to ${this.shown(after, unit, 'after', true)}`);
    } else if (before !== null && after === null) {
      this.push(context, 'removed', field, { before, after }, `${head} ${this.shown(before, unit, 'before', true)} removed`);
    } else if (before !== null && after !== null) {
      const currencyChanged = unit === 'money' && this.beforeCurrency !== this.afterCurrency;
      const change = `${this.shown(before, unit, 'before', currencyChanged)} → ${this.shown(after, unit, 'after', true)}`;
      const summary = `${head} ${change}${percent ? ` (${percent})` : ''}`;
      this.push(context, 'changed', field, { before, after, percentChange: percent }, summary);
    }
  }

  /** Text or a phrase; `quoted` for names and labels, bare for enum values and descriptions. */
  text(
    context: ChangeContext,
    field: string,
    label: string,
    before: string | undefined,
    after: string | undefined,
    quoted: boolean,
  ): void {
    if (before === after) return;
    const show = (value: string) => (quoted ? `"${shortText(value)}"` : shortText(value));
    const head = `${context.subject}: ${label}`;
    if (before === undefined && after !== undefined) {
      this.push(context, 'added', field, { before: null, after }, `${head} set to ${show(after)}`);
    } else if (before !== undefined && after === undefined) {
      this.push(context, 'removed', field, { before, after: null }, `${head} ${show(before)} removed`);
    } else if (before !== undefined && after !== undefined) {
      this.push(context, 'changed', field, { before, after }, `${head} ${show(before)} → ${show(after)}`);
    }
  }

  /** A whole feature, plan, pack or promotion added or removed; before/after hold its name. */
  entity(context: ChangeContext, kind: 'added' | 'removed', name: string, summary: string): void {
    const values = kind === 'added' ? { before: null, after: name } : { before: name, after: null };
    this.push(context, kind, '', values, summary);
  }

  /** The same keys in another order: the canonical text and its hash change, so the diff says so. */
  order(context: ChangeContext, before: string[], after: string[]): void {
    const [beforeText, afterText] = [before.join(', '), after.join(', ')];
    this.changes.push({
      path: context.afterPath,
      kind: 'changed',
      entity: context.entity,
      key: null,
      field: 'order',
      before: beforeText,
      after: afterText,
      percentChange: null,
      summary: `${context.subject} reordered: ${beforeText} → ${afterText}`,
    });
  }
}

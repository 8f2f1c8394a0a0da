import { describe, expect, test } from 'vitest';
import { replay } from '../../core/engine/replay/replay';
import { formatMoneyRounded } from '../../core/engine/report/report-amount-text';
import { EXPIRY_BUCKETS, liabilityByExpiryOption, rollForward, waterfallOption, waterfallSteps } from '../../renderer/charts/liability-charts';
import { formatMoney, PLAIN_NUMBERS } from '../../renderer/components/amount-format';
import { BOOK_RULES, changesNothing, describeRules, financeVariant, rateFromPercent } from '../../renderer/screens/finance/finance-variant';
import { financeMonthRows, financeTotalsRows } from '../../renderer/screens/finance/finance-rows';
import { demoReplay } from './demo-replay-support';

describe('what-if variants of a book', () => {
  test('a percent becomes the book’s exact rate', () => {
    expect(rateFromPercent('10')).toBe('0.1');
    expect(rateFromPercent('12.5')).toBe('0.125');
    expect(rateFromPercent('0.5')).toBe('0.005');
    expect(rateFromPercent('100')).toBe('1');
    expect(rateFromPercent('ten')).toBeNull();
  });

  test('the book’s own rules change nothing', () => {
    expect(changesNothing(BOOK_RULES)).toBe(true);
    expect(describeRules(BOOK_RULES)).toBe('the book’s own rules');
  });

  test('proportional breakage and pack expiry are switched, everything else kept', () => {
    const { books } = demoReplay();
    const book = books[0].book;
    const rules = { ...BOOK_RULES, breakage: 'proportional' as const, expectedRatePercent: '15', packExpiry: 'never' as const };
    const variant = financeVariant(book, rules);
    if (!variant.ok) throw new Error(variant.problems.join(' '));
    expect(variant.book.breakage).toEqual({ method: 'proportional', expectedRate: '0.15' });
    expect(variant.book.packs.every((pack) => pack.expiry.kind === 'never')).toBe(true);
    expect(variant.book.plans).toEqual(book.plans);
    expect(variant.book.features).toEqual(book.features);
    expect(describeRules(rules)).toBe('breakage in proportion to use at 15 %, pack credits never expire');
  });

  test('a rate a book cannot hold is refused with core’s sentence', () => {
    const { books } = demoReplay();
    const variant = financeVariant(books[0].book, { ...BOOK_RULES, breakage: 'proportional', expectedRatePercent: '100' });
    expect(variant.ok).toBe(false);
    if (!variant.ok) expect(variant.problems.join(' ')).toMatch(/rate/i);
    const notANumber = financeVariant(books[0].book, { ...BOOK_RULES, breakage: 'proportional', expectedRatePercent: 'lots' });
    expect(notANumber).toEqual({ ok: false, problems: ['The expected breakage rate must be a percent such as 10 or 12.5; "lots" is not one.'] });
  });

  test('expiry days outside what a book allows are refused', () => {
    const { books } = demoReplay();
    expect(financeVariant(books[0].book, { ...BOOK_RULES, packExpiry: 'days', packExpiryDays: 0 }).ok).toBe(false);
  });
});

describe('the liability charts', () => {
  test('the roll-forward of the whole window adds up from the first opening to the last closing', () => {
    const report = demoReplay().reports[0];
    const flows = rollForward(report.months);
    expect(flows.openingMicros).toBe(report.months[0].openingLiabilityMicros);
    expect(flows.closingMicros).toBe(report.totals.closingLiabilityMicros);
    expect(flows.breakageMicros).toBe(report.totals.breakageMicros);
  });

  test('months whose flows do not lead to the closing liability are refused as a defect', () => {
    const months = demoReplay().reports[0].months;
    const broken = [months[0], { ...months[1], closingLiabilityMicros: months[1].closingLiabilityMicros + 5 }];
    expect(() => rollForward(broken)).toThrow(/invariant/);
    expect(rollForward(months.slice(0, 2)).closingMicros).toBe(months[1].closingLiabilityMicros);
  });

  test('waterfall steps start where the liability stood and end at the closing', () => {
    const steps = waterfallSteps({ openingMicros: 100, issuedMicros: 50, recognisedMicros: 30, breakageMicros: 10, refundedMicros: 0, closingMicros: 110 });
    expect(steps.map((step) => [step.label, step.baseMicros, step.heightMicros, step.sign])).toEqual([
      ['Opening', 0, 100, 'total'],
      ['Issued', 100, 50, 'up'],
      ['Recognised', 120, 30, 'down'],
      ['Breakage', 110, 10, 'down'],
      ['Refunded', 110, 0, 'down'],
      ['Closing', 0, 110, 'total'],
    ]);
  });

  test('the liability by expiry stacks five parts per month that sum to the closing liability', () => {
    const report = demoReplay().reports[0];
    const option = liabilityByExpiryOption(report.months, 'USD', 'en-US');
    const series = option.series as Array<{ stack: string; data: number[] }>;
    expect(series).toHaveLength(EXPIRY_BUCKETS.length);
    report.months.forEach((month, m) => {
      const partsMicros = EXPIRY_BUCKETS.reduce((sum, bucket) => sum + month.liabilityByExpiry[bucket.key], 0);
      expect(partsMicros).toBe(month.closingLiabilityMicros);
      expect(series.every((entry) => entry.stack === 'liability' && typeof entry.data[m] === 'number')).toBe(true);
    });
  });
});

describe('finance charts in the user’s locale', () => {
  type ValueFormatter = (value: unknown, dataIndex: number) => string;

  test('the waterfall labels and tooltips write each step’s exact micros, its axis the locale’s marks', () => {
    const steps = waterfallSteps({ openingMicros: 1_234_567_891, issuedMicros: 0, recognisedMicros: 0, breakageMicros: 0, refundedMicros: 0, closingMicros: 1_234_567_891 });
    const option = waterfallOption(steps, 'EUR', 'de-DE');
    const [, bars] = option.series as Array<{ label: { formatter: (params: { dataIndex: number }) => string }; tooltip: { valueFormatter: ValueFormatter } }>;
    expect(bars.label.formatter({ dataIndex: 0 })).toBe('1.234,57\u00a0€');
    expect(bars.tooltip.valueFormatter(1234.567891, 0)).toBe('1.234,57\u00a0€');
    expect((option.yAxis as { axisLabel: { formatter: (value: number) => string } }).axisLabel.formatter(1500)).toBe('1.500');
  });

  test('the liability by expiry tooltip writes the month’s exact part of the liability', () => {
    const report = demoReplay().reports[0];
    const option = liabilityByExpiryOption(report.months, 'USD', 'fr-FR');
    const series = option.series as Array<{ tooltip: { valueFormatter: ValueFormatter } }>;
    const last = report.months.length - 1;
    expect(series[0].tooltip.valueFormatter(0, last)).toBe(formatMoney(report.months[last].liabilityByExpiry[EXPIRY_BUCKETS[0].key], 'USD', 'fr-FR'));
  });
});

describe('the finance tables', () => {
  test('are written in the locale given, and plain for files', () => {
    const { reports } = demoReplay();
    const cash = reports[0].totals.cashMicros;
    expect(financeTotalsRows(reports, 'de-DE')[0]).toEqual(['Cash received', ...reports.map((report) => formatMoney(report.totals.cashMicros, 'USD', 'de-DE'))]);
    expect(financeTotalsRows(reports, PLAIN_NUMBERS)[0][1]).toBe(formatMoneyRounded(cash, 'USD'));
    expect(financeMonthRows(reports[0], 'de-DE')[0][1]).toContain(',');
  });

  test('totals and months come from the reports, a column per book', () => {
    const { books, dataset, reports } = demoReplay();
    const variant = financeVariant(books[0].book, { ...BOOK_RULES, breakage: 'proportional', expectedRatePercent: '10' });
    if (!variant.ok) throw new Error(variant.problems.join(' '));
    const what = replay(variant.book, dataset, { baseline: reports[0] });
    const totals = financeTotalsRows([reports[0], what], 'en-US');
    expect(totals.map((row) => row[0])).toEqual(['Cash received', 'Recognised revenue', 'Breakage', 'Recognised revenue and breakage', 'Closing liability']);
    expect(totals.every((row) => row.length === 3)).toBe(true);
    const months = financeMonthRows(reports[0], 'en-US');
    expect(months.map((row) => row[0])).toEqual(reports[0].months.map((month) => month.month));
  });
});

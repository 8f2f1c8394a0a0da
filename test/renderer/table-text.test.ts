import { describe, expect, test } from 'vitest';
import {
  formatAxisValue,
  formatCount,
  formatCreditAmount,
  formatMoney,
  formatMoneyChange,
  formatPercentText,
  formatPricePerUnit,
  localiseDecimalText,
  noFigure,
  PLAIN_NUMBERS,
} from '../../renderer/components/amount-format';
import { csvField, csvText, tableCsv } from '../../renderer/components/csv-text';
import { exportFileName } from '../../renderer/components/file-download';
import { compareSortValues, filterRows, type TableColumn } from '../../renderer/components/table-columns';

describe('amounts as people read them', () => {
  test('money is rounded half away from zero to the currency’s minor unit and carries its symbol', () => {
    expect(formatMoney(1_234_567_125_000, 'USD', 'en-US')).toBe('$1,234,567.13');
    expect(formatMoney(-125_000, 'USD', 'en-US')).toBe('-$0.13');
    expect(formatMoney(1_500_000, 'JPY', 'en-US')).toBe('¥2');
    expect(formatMoney(1_234_500, 'EUR', 'de-DE')).toBe('1,23\u00a0€');
  });

  test('a change shows its sign, and no sign when it rounds to nothing', () => {
    expect(formatMoneyChange(12_000_000, 'USD', 'en-US')).toBe('+$12.00');
    expect(formatMoneyChange(-3_500_000, 'USD', 'en-US')).toBe('-$3.50');
    expect(formatMoneyChange(4_000, 'USD', 'en-US')).toBe('$0.00');
    expect(formatMoneyChange(12_000_000, 'USD', 'de-DE')).toBe('+12,00\u00a0$');
  });

  test('prices per unit keep every digit the report computed', () => {
    expect(formatPricePerUnit('0.011234503', 'USD', 'en-US')).toBe('$0.011234503');
    expect(formatPricePerUnit('2.500000000', 'USD', 'en-US')).toBe('$2.50');
    expect(formatPricePerUnit('0.011234503', 'USD', 'fr-FR')).toBe('0,011234503\u00a0$US');
    expect(formatPricePerUnit(null, 'USD', 'en-US')).toBe('—');
  });

  test('credits and counts are exact, grouped as the locale groups', () => {
    expect(formatCreditAmount(123_456, 2, 'en-US')).toBe('1,234.56');
    expect(formatCreditAmount(-5, 0, 'en-US')).toBe('-5');
    expect(formatCount(50_000, 'en-US')).toBe('50,000');
    expect(localiseDecimalText('-1234567.5', 'de-DE')).toBe('-1.234.567,5');
    expect(formatPercentText('-3.25', 'en-US')).toBe('-3.25%');
    expect(formatPercentText(null, 'en-US')).toBe('—');
  });
});

describe('amounts in the user’s locale', () => {
  const NNBSP = '\u202f';
  const NBSP = '\u00a0';
  // Amount, its sign, a count, a percent: each locale's own separators, minus sign and symbol placement, as Node 20's
  // ICU data has them (fr-FR groups with a narrow no-break space, de-CH with an apostrophe).
  const cases: Array<[string, { money: string; negative: string; count: string; percent: string; euro: string }]> = [
    ['en-US', { money: '$1,234,567.13', negative: '-$0.13', count: '1,234', percent: '-3.25%', euro: '€1,234.50' }],
    ['de-DE', { money: `1.234.567,13${NBSP}$`, negative: `-0,13${NBSP}$`, count: '1.234', percent: `-3,25${NBSP}%`, euro: `1.234,50${NBSP}€` }],
    ['fr-FR', { money: `1${NNBSP}234${NNBSP}567,13${NBSP}$US`, negative: `-0,13${NBSP}$US`, count: `1${NNBSP}234`, percent: `-3,25${NBSP}%`, euro: `1${NNBSP}234,50${NBSP}€` }],
    ['en-IN', { money: '$12,34,567.13', negative: '-$0.13', count: '1,234', percent: '-3.25%', euro: '€1,234.50' }],
    ['ja-JP', { money: '$1,234,567.13', negative: '-$0.13', count: '1,234', percent: '-3.25%', euro: '€1,234.50' }],
    ['de-CH', { money: `$${NBSP}1'234'567.13`, negative: '$-0.13', count: "1'234", percent: '-3.25%', euro: `EUR${NBSP}1'234.50` }],
    ['es-ES', { money: `1.234.567,13${NBSP}US$`, negative: `-0,13${NBSP}US$`, count: '1234', percent: `-3,25${NBSP}%`, euro: `1234,50${NBSP}€` }],
  ];

  test.each(cases)('%s writes money, counts and percents its own way', (locale, expected) => {
    expect(formatMoney(1_234_567_125_000, 'USD', locale)).toBe(expected.money);
    expect(formatMoney(-125_000, 'USD', locale)).toBe(expected.negative);
    expect(formatCount(1234, locale)).toBe(expected.count);
    expect(formatPercentText('-3.25', locale)).toBe(expected.percent);
    expect(formatMoney(1_234_500_000, 'EUR', locale)).toBe(expected.euro);
  });

  test('en-IN groups in lakhs and crores; es-ES leaves four-digit numbers ungrouped', () => {
    expect(formatCount(1_234_567, 'en-IN')).toBe('12,34,567');
    expect(localiseDecimalText('123456789.5', 'en-IN')).toBe('12,34,56,789.5');
    expect(formatCount(1234, 'es-ES')).toBe('1234');
    expect(formatCount(12_345, 'es-ES')).toBe('12.345');
  });

  test('Swedish writes the minus sign U+2212, and a yen amount in Japanese uses the full-width yen', () => {
    expect(formatMoney(-125_000, 'USD', 'sv-SE')).toBe(`\u22120,13${NBSP}US$`);
    expect(formatMoney(1_500_000, 'JPY', 'ja-JP')).toBe('￥2');
  });

  test('digits stay exact beyond what a float holds: every digit comes from core’s text', () => {
    // 2^53 − 1 hundredths: as a float 90071992547409.91 is not representable (its spacing there is 1/64).
    expect(formatCreditAmount(Number.MAX_SAFE_INTEGER, 2, 'de-DE')).toBe('90.071.992.547.409,91');
    expect(localiseDecimalText('123456789012345678901.000000001', 'en-US')).toBe('123,456,789,012,345,678,901.000000001');
    expect(localiseDecimalText('-90071992547409.93', 'fr-FR')).toBe(`-90${NNBSP}071${NNBSP}992${NNBSP}547${NNBSP}409,93`);
  });

  test('a currency Intl does not know by symbol is written by its code, and a malformed one after the number', () => {
    expect(formatMoney(1_000_000, 'XTS', 'de-DE')).toBe(`1,00${NBSP}XTS`);
    expect(formatMoney(1_000_000, 'CREDITS', 'en-US')).toBe(`1.00${NBSP}CREDITS`);
  });

  test('a plus sign is placed where the locale puts it', () => {
    expect(formatPercentText('+12.50', 'de-DE')).toBe(`+12,50${NBSP}%`);
    expect(formatMoneyChange(12_000_000, 'USD', 'de-CH')).toBe('$+12.00');
  });

  test('plain numbers for files: no grouping, a point, a hyphen-minus, no symbol, no dash for a missing figure', () => {
    expect(formatMoney(-1_234_567_125_000, 'USD', PLAIN_NUMBERS)).toBe('-1234567.13');
    expect(formatMoneyChange(12_000_000, 'USD', PLAIN_NUMBERS)).toBe('12.00');
    expect(formatPercentText('+12.50', PLAIN_NUMBERS)).toBe('12.50');
    expect(formatPercentText('\u22123.25%', PLAIN_NUMBERS)).toBe('-3.25');
    expect(formatPricePerUnit('0.011234503', 'USD', PLAIN_NUMBERS)).toBe('0.011234503');
    expect(formatPricePerUnit(null, 'USD', PLAIN_NUMBERS)).toBe('');
    expect(formatCount(1_234_567, PLAIN_NUMBERS)).toBe('1234567');
    expect(noFigure(PLAIN_NUMBERS)).toBe('');
    expect(noFigure('de-DE')).toBe('—');
  });

  test('chart axis ticks are written with the locale’s marks', () => {
    expect(formatAxisValue(2500, 'de-DE')).toBe('2.500');
    expect(formatAxisValue(0.005, 'fr-FR')).toBe('0,005');
    expect(formatAxisValue(-1500000, 'en-IN')).toBe('-15,00,000');
  });
});

describe('tables as CSV', () => {
  test('fields with commas, quotes or line breaks are quoted, quotes doubled, lines end in CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvText(['a', 'b'], [['1', 'x\ny']])).toBe('a,b\r\n1,"x\ny"\r\n');
  });

  test('a table exports the text its columns show', () => {
    const columns: TableColumn<{ id: string; cents: number }>[] = [
      { id: 'id', header: 'Customer', text: (row) => row.id },
      { id: 'cash', header: 'Cash', text: (row) => `$${(row.cents / 100).toFixed(2)}`, sortValue: (row) => row.cents },
    ];
    expect(tableCsv(columns, [{ id: 'c1', cents: 150000 }])).toBe('Customer,Cash\r\nc1,$1500.00\r\n');
  });

  test('a column with a CSV text exports that instead: plain numbers, the same in every locale', () => {
    const columns: TableColumn<{ micros: number }>[] = [
      { id: 'cash', header: 'Cash', text: (row) => formatMoney(row.micros, 'EUR', 'de-DE'), csv: (row) => formatMoney(row.micros, 'EUR', PLAIN_NUMBERS) },
    ];
    expect(columns[0].text({ micros: 1_234_567_891 })).toBe('1.234,57\u00a0€');
    expect(tableCsv(columns, [{ micros: 1_234_567_891 }])).toBe('Cash\r\n1234.57\r\n');
  });

  test('file names come from titles', () => {
    expect(exportFileName('Effective price per feature (chart)', 'png')).toBe('effective-price-per-feature-chart.png');
    expect(exportFileName('???', 'csv')).toBe('export.csv');
  });
});

describe('filtering and sorting rows', () => {
  const columns: TableColumn<{ id: string; plan: string }>[] = [
    { id: 'id', header: 'Customer', text: (row) => row.id, filterable: true },
    { id: 'plan', header: 'Plan', text: (row) => row.plan },
  ];
  const rows = [{ id: 'ai_001', plan: 'pro' }, { id: 'ai_002', plan: 'free' }];

  test('the filter searches only filterable columns, ignoring case', () => {
    expect(filterRows(rows, columns, 'AI_002')).toEqual([rows[1]]);
    expect(filterRows(rows, columns, 'pro')).toEqual([]);
    expect(filterRows(rows, columns, '  ')).toBe(rows);
  });

  test('numbers sort as numbers, text by code order, missing values last', () => {
    expect([10, 9, null, 100].sort(compareSortValues)).toEqual([9, 10, 100, null]);
    expect(['b', 'a', null].sort(compareSortValues)).toEqual(['a', 'b', null]);
  });
});

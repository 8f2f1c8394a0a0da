import { describe, expect, test } from 'vitest';
import { formatCount, formatCreditAmount, formatMoney, formatMoneyChange, formatPercentText, formatPricePerUnit, localiseDecimalText } from '../../renderer/components/amount-format';
import { csvField, csvText, tableCsv } from '../../renderer/components/csv-text';
import { exportFileName } from '../../renderer/components/file-download';
import { compareSortValues, filterRows, type TableColumn } from '../../renderer/components/table-columns';

describe('amounts as people read them', () => {
  test('money is rounded half away from zero to the currency’s minor unit and carries its symbol', () => {
    expect(formatMoney(1_234_567_125_000, 'USD')).toBe('$1,234,567.13');
    expect(formatMoney(-125_000, 'USD')).toBe('−$0.13');
    expect(formatMoney(1_500_000, 'JPY')).toBe('¥2');
    expect(formatMoney(1_234_500, 'EUR', 'de-DE')).toBe('1,23\u00a0€');
  });

  test('a change shows its sign, and no sign when it rounds to nothing', () => {
    expect(formatMoneyChange(12_000_000, 'USD')).toBe('+$12.00');
    expect(formatMoneyChange(-3_500_000, 'USD')).toBe('−$3.50');
    expect(formatMoneyChange(4_000, 'USD')).toBe('$0.00');
  });

  test('prices per unit keep every digit the report computed', () => {
    expect(formatPricePerUnit('0.011234503', 'USD')).toBe('$0.011234503');
    expect(formatPricePerUnit('2.500000000', 'USD')).toBe('$2.50');
    expect(formatPricePerUnit(null, 'USD')).toBe('—');
  });

  test('credits and counts are exact, grouped in thousands', () => {
    expect(formatCreditAmount(123_456, 2)).toBe('1,234.56');
    expect(formatCreditAmount(-5, 0)).toBe('-5');
    expect(formatCount(50_000)).toBe('50,000');
    expect(localiseDecimalText('-1234567.5', 'de-DE')).toBe('-1.234.567,5');
    expect(formatPercentText('-3.25')).toBe('−3.25%');
    expect(formatPercentText(null)).toBe('—');
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

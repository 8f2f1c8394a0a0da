import { describe, expect, test } from 'vitest';
import { formatMoneyRounded } from '../../core/engine/report/report-amount-text';
import { formatMoney, PLAIN_NUMBERS } from '../../renderer/components/amount-format';
import { tableCsv } from '../../renderer/components/csv-text';
import { customerColumns, customerRows, headlineRows, priceRows } from '../../renderer/screens/compare/compare-rows';
import { comparisonBlocker, staleText } from '../../renderer/screens/compare/compare-actions';
import { demoReplay } from './demo-replay-support';

describe('the Compare screen’s rows', () => {
  test('headline figures read each book’s totals, with changes only for candidates', () => {
    const { reports } = demoReplay();
    const rows = headlineRows(reports, 'en-US');
    const row = (figure: string) => rows.find((entry) => entry.figure === figure)?.values;
    expect(row('Cash paid')).toEqual(reports.map((report) => formatMoney(report.totals.cashMicros, 'USD', 'en-US')));
    expect(row('Closing liability')).toEqual(reports.map((report) => formatMoney(report.totals.closingLiabilityMicros, 'USD', 'en-US')));
    expect(row('Change vs baseline')?.[0]).toBe('—');
    expect(row('Customers paying less')?.slice(1)).toEqual(reports.slice(1).map((report) => String(report.totals.customersPayingLess)));
    expect(row('Customers blocked')).toEqual(reports.map((report) => String(report.totals.blockedCustomers)));
  });

  test('the same rows in another locale change only how the numbers are written', () => {
    const { reports } = demoReplay();
    const german = headlineRows(reports, 'de-DE');
    const row = (figure: string) => german.find((entry) => entry.figure === figure)?.values;
    expect(row('Cash paid')).toEqual(reports.map((report) => formatMoney(report.totals.cashMicros, 'USD', 'de-DE')));
    expect(row('Cash paid')?.[0]).toMatch(/^[\d.]+,\d\d\u00a0\$$/);
    expect(german.map((entry) => entry.figure)).toEqual(headlineRows(reports, 'en-US').map((entry) => entry.figure));
  });

  test('rows for a file have plain numbers and empty cells where a figure does not apply', () => {
    const { reports } = demoReplay();
    const plain = headlineRows(reports, PLAIN_NUMBERS);
    const row = (figure: string) => plain.find((entry) => entry.figure === figure)?.values;
    expect(row('Cash paid')).toEqual(reports.map((report) => formatMoneyRounded(report.totals.cashMicros, 'USD')));
    expect(row('Change vs baseline')?.[0]).toBe('');
    expect(row('Change vs baseline, %')?.slice(1).every((text) => /^-?\d+\.\d\d$/.test(text))).toBe(true);
  });

  test('the customer table shows the locale’s text and exports plain numbers to CSV', () => {
    const { reports } = demoReplay();
    const rows = customerRows(reports, 1).slice(0, 1);
    const csv = tableCsv(customerColumns('USD', 'de-DE'), rows).split('\r\n')[1].split(',');
    expect(csv[3]).toBe(formatMoneyRounded(rows[0].baselineCashMicros, 'USD'));
    expect(csv[4]).toBe(formatMoneyRounded(rows[0].cashMicros, 'USD'));
    const cash = customerColumns('USD', 'de-DE').find((column) => column.id === 'cash');
    expect(cash?.text(rows[0])).toBe(formatMoney(rows[0].cashMicros, 'USD', 'de-DE'));
  });

  test('effective prices are listed per feature for every book', () => {
    const { reports } = demoReplay();
    const rows = priceRows(reports, 'en-US');
    expect(rows).toHaveLength(reports[0].features.length);
    expect(rows[0].values).toHaveLength(reports.length);
  });

  test('each customer row sets the baseline’s cash beside the candidate’s, with the report’s change', () => {
    const { reports } = demoReplay();
    const rows = customerRows(reports, 2);
    expect(rows).toHaveLength(reports[0].customers.length);
    const i = rows.findIndex((row) => row.changeMicros !== null && row.changeMicros !== 0);
    expect(rows[i]).toMatchObject({
      id: reports[0].customers[i].id,
      baselineCashMicros: reports[0].customers[i].cashMicros,
      cashMicros: reports[2].customers[i].cashMicros,
      changeMicros: reports[2].customers[i].billChangeMicros,
    });
    const change = customerColumns('USD', 'en-US').find((column) => column.id === 'change');
    expect(change?.sortValue?.(rows[i])).toBe(rows[i].changeMicros);
  });

  test('a comparison needs a baseline, a candidate and a dataset, and says which is missing', () => {
    expect(comparisonBlocker({ baselineVersionId: null, candidateVersionIds: [], datasetId: null })).toBe('Choose a baseline price book.');
    expect(comparisonBlocker({ baselineVersionId: 1, candidateVersionIds: [], datasetId: 1 })).toBe('Choose at least one candidate price book to compare with the baseline.');
    expect(comparisonBlocker({ baselineVersionId: 1, candidateVersionIds: [2], datasetId: null })).toBe('Choose the usage dataset to replay.');
    expect(comparisonBlocker({ baselineVersionId: 1, candidateVersionIds: [2], datasetId: 3 })).toBeNull();
  });

  test('a stale run says what changed since it was recorded', () => {
    expect(staleText([])).toBeNull();
    expect(staleText(['dataset-changed', 'engine-changed'])).toBe(
      'These results were recorded before the dataset has changed, and this version of Credit Workbench computes replays differently; run the comparison again to bring them up to date.',
    );
  });
});

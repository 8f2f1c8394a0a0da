import { describe, expect, it } from 'vitest';

import { escapeCsvField, renderReportsCsv } from '../../core/engine/report/report-csv';
import { twoBookReports } from './report-fixture';

function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

function rows(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.trimEnd().split('\n').map(parseCsvLine);
  return lines.map((line) => Object.fromEntries(header.map((name, index) => [name, line[index]])));
}

describe('report CSV', () => {
  it('writes one feature row per feature per book, starting with the book columns', () => {
    const csv = renderReportsCsv(twoBookReports(), 'features');
    const lines = csv.split('\n');
    expect(lines[0]).toBe(
      'book_id,book_name,book_version,book_hash,currency,feature_key,feature_name,unit_label,events,units,' +
        'credits_burned,revenue,effective_price_per_unit,blocked_events,blocked_units,cost,margin',
    );
    const parsed = rows(csv);
    expect(parsed).toHaveLength(4);
    expect(parsed[0]).toMatchObject({
      book_name: 'AI baseline',
      feature_key: 'llm-tokens',
      unit_label: '1,000 tokens',
      units: '1250.5',
      credits_burned: '2501.00',
      revenue: '25.01',
      effective_price_per_unit: '0.020000000',
      cost: '12.505',
    });
    expect(parsed[1]).toMatchObject({ feature_key: 'image-gen', blocked_units: '3.5', cost: '', margin: '' });
    expect(parsed[2]).toMatchObject({ book_name: 'Rebalance', credits_burned: '1875.75' });
  });

  it('keeps money exact instead of rounding it to cents', () => {
    const parsed = rows(renderReportsCsv(twoBookReports(), 'customers'));
    const candidate = parsed.filter((row) => row.book_name === 'Rebalance' && row.customer_id === 'c-003')[0];
    expect(candidate).toMatchObject({ cash: '20.005', bill_change: '10.005', bill_change_percent: '+100.05' });
  });

  it('writes missing figures as empty fields and booleans as words', () => {
    const parsed = rows(renderReportsCsv(twoBookReports(), 'customers'));
    expect(parsed[1]).toMatchObject({ customer_id: 'c-002', segment: '', ran_dry: 'true', bill_change: '' });
    expect(parsed[4]).toMatchObject({ customer_id: 'c-002', bill_change: '0.00', bill_change_percent: '', credits_negative_balance: '25.00' });
  });

  it('quotes fields holding commas and quotes so they survive a round trip', () => {
    const csv = renderReportsCsv(twoBookReports(), 'customers');
    expect(csv).toContain(',"self-serve, ""beta""",');
    expect(rows(csv)[2].segment).toBe('self-serve, "beta"');
    expect(escapeCsvField('line\nbreak')).toBe('"line\nbreak"');
    expect(escapeCsvField('plain')).toBe('plain');
  });

  it('writes the months with the liability aged by time to expiry', () => {
    const parsed = rows(renderReportsCsv(twoBookReports(), 'months'));
    expect(parsed[1]).toMatchObject({
      month: '2025-02',
      opening_liability: '39.00',
      closing_liability: '54.265433',
      liability_within_30_days: '44.265433',
      liability_never_expiring: '10.00',
      credits_outstanding: '6126.55',
    });
  });

  it('ends with exactly one newline and gives the same bytes for the same reports', () => {
    const first = renderReportsCsv(twoBookReports(), 'months');
    expect(first.endsWith('\n')).toBe(true);
    expect(first.endsWith('\n\n')).toBe(false);
    expect(renderReportsCsv(twoBookReports(), 'months')).toBe(first);
  });

  it('writes only the header when there are no reports', () => {
    expect(renderReportsCsv([], 'features').split('\n')).toHaveLength(2);
  });
});

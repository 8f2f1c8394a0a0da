import { describe, expect, it } from 'vitest';

import { layoutTextTable, renderReportsTable, selectTopCustomers } from '../../core/engine/report/report-text-table';
import { twoBookReports } from './report-fixture';

/** The lines of a block that starts with `title`, up to the next blank line. */
function block(text: string, title: string): string[] {
  const start = text.indexOf(title);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = text.indexOf('\n\n', start);
  return text.slice(start, end < 0 ? undefined : end).trimEnd().split('\n');
}

function row(lines: readonly string[], label: string): string {
  const found = lines.find((line) => line.startsWith(label));
  if (found === undefined) throw new Error(`no row ${label}`);
  return found;
}

describe('aligned text tables', () => {
  it('lines numbers up on the decimal point and text to the column side', () => {
    const text = layoutTextTable(
      [
        { header: 'Name', align: 'left' },
        { header: 'Amount', align: 'decimal' },
        { header: 'Note', align: 'right' },
      ],
      [
        ['a', '1,234.5', 'x'],
        ['bb', '7', 'yy'],
        ['c', '-0.125', 'z'],
        ['d', '—', ''],
      ],
    );
    expect(text.split('\n')).toEqual([
      'Name     Amount  Note',
      '----  ---------  ----',
      'a     1,234.5       x',
      'bb        7        yy',
      'c        -0.125     z',
      'd             —',
    ]);
  });

  it('widens a column to its longest cell and trims trailing spaces', () => {
    const lines = layoutTextTable([{ header: 'K', align: 'left' }, { header: 'V', align: 'left' }], [['long key', '']]).split('\n');
    expect(lines[1]).toBe('--------  -');
    expect(lines[2]).toBe('long key');
  });
});

describe('replay reports as terminal tables', () => {
  const text = renderReportsTable(twoBookReports());

  it('opens with the window and the size of the history', () => {
    expect(text.split('\n')[0]).toBe('Replay of 3 customers and 7 events, 2025-01-01 to 2025-03-01 (end exclusive)');
  });

  it('sets the headline figures of each book side by side, money rounded to cents', () => {
    const headline = block(text, 'Headline');
    expect(headline[0]).toMatch(/^Headline\s+AI baseline\s+Rebalance$/);
    expect(row(headline, 'Cash paid')).toMatch(/^Cash paid\s+108\.00\s+118\.01$/);
    expect(row(headline, 'Credits burned')).toMatch(/\s5,123\.45\s+12,345,678\.91$/);
    expect(row(headline, 'Role')).toMatch(/baseline\s+vs AI baseline$/);
    expect(row(headline, 'Customers paying more')).toMatch(/—\s+1$/);
    expect(row(headline, 'Bill change vs baseline')).toMatch(/—\s+\+10\.01$/);
    expect(row(headline, 'Reconciliation')).toMatch(/holds\s+holds$/);
  });

  it('aligns the decimal points of one column', () => {
    const headline = block(text, 'Headline');
    const column = (label: string): number => row(headline, label).lastIndexOf('.');
    expect(column('Cash paid')).toBe(column('Credits burned'));
    expect(column('  fees')).toBe(column('Credits granted'));
  });

  it('flags a reconciliation that does not hold', () => {
    const reports = twoBookReports();
    reports[1].reconciliation.money.holds = false;
    expect(row(block(renderReportsTable(reports), 'Headline'), 'Reconciliation')).toMatch(/holds\s+BROKEN$/);
  });

  it('lists each book’s features with exact units and trimmed effective prices', () => {
    const features = block(text, 'Features — Rebalance');
    expect(features[1]).toMatch(/^Feature\s+Unit\s+Events\s+Units\s+Credits burned\s+Revenue \(USD\)\s+Price \/ unit/);
    expect(row(features, 'llm-tokens')).toMatch(/1,000 tokens\s+4\s+1,250\.5\s+1,875\.75\s+18\.76\s+0\.015\s+0\s+6\.25$/);
    expect(row(features, 'image-gen')).toMatch(/0\.386299214\s+0\s+—$/);
  });

  it('lists the customers of a candidate by the size of their bill change', () => {
    const customers = block(text, 'Top customers by bill change — Rebalance vs AI baseline');
    expect(customers.slice(3).map((line) => line.split(/\s+/)[0])).toEqual(['c-003', 'c-001', 'c-002']);
    expect(row(customers, 'c-003')).toMatch(/20\.01\s+\+10\.01\s+\+100\.05%/);
  });

  it('lists the baseline’s customers by cash paid', () => {
    const customers = block(text, 'Top customers by cash paid — AI baseline');
    expect(customers.slice(3).map((line) => line.split(/\s+/)[0])).toEqual(['c-001', 'c-003', 'c-002']);
  });

  it('shows the months with the liability aged by expiry', () => {
    const months = block(text, 'Months — AI baseline');
    expect(months[1]).toContain('≤30 d');
    expect(row(months, '2025-02')).toMatch(/^2025-02\s+49\.00\s+21\.23\s+12\.50\s+54\.27\s+44\.27\s+0\.00\s+0\.00\s+0\.00\s+10\.00\s+6,126\.55$/);
  });

  it('renders only the sections asked for, and the same text for the same reports', () => {
    const headlineOnly = renderReportsTable(twoBookReports(), { sections: ['headline'] });
    expect(headlineOnly).not.toContain('Features');
    expect(headlineOnly).toContain('Headline');
    expect(renderReportsTable(twoBookReports())).toBe(text);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('says so when there is nothing to show', () => {
    expect(renderReportsTable([])).toBe('No reports.\n');
  });
});

describe('top customers', () => {
  it('breaks ties in bill change by customer id and drops customers without one', () => {
    const report = twoBookReports()[1];
    report.customers[0].billChangeMicros = -10_005_000;
    report.customers[1].billChangeMicros = null;
    expect(selectTopCustomers(report, 5).map((customer) => customer.id)).toEqual(['c-001', 'c-003']);
    expect(selectTopCustomers(report, 1).map((customer) => customer.id)).toEqual(['c-001']);
  });
});

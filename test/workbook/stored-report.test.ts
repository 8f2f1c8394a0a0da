import { describe, expect, test } from 'vitest';
import { reportFromStoredText, storedReportText } from '../../core/workbook/stored-report';
import { demoReplay } from '../renderer/demo-replay-support';

describe('a report as a run stores it', () => {
  test('reads back as the same report, key order included, so its JSON is the same text', () => {
    for (const report of demoReplay().reports) {
      const back = reportFromStoredText(storedReportText(report));
      expect(JSON.stringify(back)).toBe(JSON.stringify(report));
    }
  });

  test('is a fraction of the plain JSON once there are many customers', () => {
    const report = demoReplay().reports[1];
    expect(report.customers.length).toBeGreaterThan(100);
    expect(storedReportText(report).length).toBeLessThan(JSON.stringify(report).length / 2);
  });

  test('a report with no customers keeps its empty list', () => {
    const report = { ...demoReplay().reports[0], customers: [] };
    expect(JSON.stringify(reportFromStoredText(storedReportText(report)))).toBe(JSON.stringify(report));
  });

  test('plain report JSON, as earlier versions stored it, still reads', () => {
    const report = demoReplay().reports[2];
    expect(JSON.stringify(reportFromStoredText(JSON.stringify(report)))).toBe(JSON.stringify(report));
  });

  test('text that is not a report in either form reads as nothing, never as a half report', () => {
    const stored = storedReportText(demoReplay().reports[0]);
    const parsed = JSON.parse(stored) as { customerFields: string[]; customerColumns: unknown[][] };
    const swappedFields = { ...parsed, customerFields: [parsed.customerFields[1], parsed.customerFields[0], ...parsed.customerFields.slice(2)] };
    const shortColumn = { ...parsed, customerColumns: [parsed.customerColumns[0].slice(1), ...parsed.customerColumns.slice(1)] };
    const otherForm = { ...parsed, storedReportForm: 'customer-columns-9' };
    for (const text of ['', 'not json', '[]', '{"a":1}', JSON.stringify(swappedFields), JSON.stringify(shortColumn), JSON.stringify(otherForm), stored.slice(0, -1)]) {
      expect(reportFromStoredText(text)).toBeNull();
    }
  });
});

// Fresh in-memory workbooks and small datasets for the workbook tests.

import type { SqlJsStatic } from 'sql.js';
import { loadSqlJs } from '../../cli/file-store/sql-js-node';
import { createWorkbook } from '../../core/workbook/open-workbook';
import type { Workbook } from '../../core/workbook/workbook';
import type { WorkbookResult } from '../../core/workbook/workbook-problem';
import { history } from '../support/history-builder';
import type { UsageDataset } from '../../core/engine/usage/dataset';

export async function sqlJs(): Promise<SqlJsStatic> {
  return loadSqlJs();
}

export async function freshWorkbook(): Promise<Workbook> {
  return createWorkbook(await loadSqlJs());
}

/** The value of an ok result; fails the test with the problem's sentence otherwise. */
export function valueOf<T>(result: WorkbookResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.problem.code}: ${result.problem.message}`);
  return result.value;
}

/** Three customers (one without events, one with an open end), two features, events out of order. */
export function smallDataset(): UsageDataset {
  return history(
    [
      { id: 'acme', plan: 'pro', start: '2025-01-01' },
      { id: 'globex', plan: '', start: '2025-01-15', end: '2025-06-30', segment: 'smb' },
      { id: 'initech', plan: 'pro', start: '2025-02-01', segment: 'enterprise' },
    ],
    [
      ['2025-03-02T10:00:00Z', 'acme', 'export', 2],
      ['2025-01-20T08:30:00.123Z', 'globex', 'tokens', '1.5'],
      ['2025-03-01T00:00:00Z', 'acme', 'tokens', '0.000001'],
      ['2025-04-01T00:00:00Z', 'globex', 'export', 1],
    ],
  );
}

/** Column by column equality that tells -0 from 0 and compares NaN bit patterns as equal values. */
export function expectSameDataset(actual: UsageDataset, expected: UsageDataset): void {
  const problems: string[] = [];
  const compare = (name: string, left: ArrayLike<number>, right: ArrayLike<number>): void => {
    if (left.length !== right.length) {
      problems.push(`${name}: length ${left.length} ≠ ${right.length}`);
      return;
    }
    for (let i = 0; i < left.length; i++) {
      if (!Object.is(left[i], right[i])) {
        problems.push(`${name}[${i}]: ${left[i]} ≠ ${right[i]}`);
        return;
      }
    }
  };
  if (actual.eventCount !== expected.eventCount) problems.push(`eventCount ${actual.eventCount} ≠ ${expected.eventCount}`);
  compare('timeMs', actual.timeMs, expected.timeMs);
  compare('customerIndex', actual.customerIndex, expected.customerIndex);
  compare('featureIndex', actual.featureIndex, expected.featureIndex);
  compare('quantityMicros', actual.quantityMicros, expected.quantityMicros);
  compare('customerEventStart', actual.customerEventStart, expected.customerEventStart);
  compare('customers.startMs', actual.customers.startMs, expected.customers.startMs);
  compare('customers.endMs', actual.customers.endMs, expected.customers.endMs);
  const texts = (name: string, left: string[], right: string[]): void => {
    if (JSON.stringify(left) !== JSON.stringify(right)) problems.push(`${name}: ${JSON.stringify(left)} ≠ ${JSON.stringify(right)}`);
  };
  texts('customers.ids', actual.customers.ids, expected.customers.ids);
  texts('customers.planKeys', actual.customers.planKeys, expected.customers.planKeys);
  texts('customers.segments', actual.customers.segments, expected.customers.segments);
  texts('featureKeys', actual.featureKeys, expected.featureKeys);
  if (problems.length > 0) throw new Error(`datasets differ:\n${problems.join('\n')}`);
}

/** Byte equality without a deep-equality walk over every element (slow for files of many kilobytes). */
export function sameBytes(left: Uint8Array | null, right: Uint8Array | null): boolean {
  if (left === null || right === null) return left === right;
  return Buffer.compare(left, right) === 0;
}

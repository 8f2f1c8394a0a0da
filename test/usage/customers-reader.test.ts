import { describe, expect, it } from 'vitest';
import { createCustomersReader, readCustomers } from '../../core/engine/usage/customers-reader';
import type { CustomersReadResult } from '../../core/engine/usage/customers-reader';

const encoder = new TextEncoder();

function read(text: string, fileName = 'customers.csv', options = {}): CustomersReadResult {
  return readCustomers(encoder.encode(text), fileName, options);
}

function messages(result: CustomersReadResult): string[] {
  if (result.ok) throw new Error('expected a failed read');
  return result.errors.map((issue) => `${issue.code}: ${issue.message}`);
}

describe('customers reader', () => {
  it('reads ids, plans, starts, optional ends and segments from CSV', () => {
    const result = read(
      'customer_id,plan,start,end,segment\n' +
        'c-1,pro,2025-01-01,,smb\n' +
        'c-2,,2025-02-01T08:00:00Z,2025-12-31,\n' +
        'c-3,team,1735689600000,2026-01-01T00:00:00+01:00,enterprise\n',
    );
    expect(result).toEqual({
      ok: true,
      rowCount: 3,
      customers: {
        ids: ['c-1', 'c-2', 'c-3'],
        planKeys: ['pro', '', 'team'],
        startMs: Float64Array.from([Date.UTC(2025, 0, 1), Date.UTC(2025, 1, 1, 8), 1_735_689_600_000]),
        endMs: Float64Array.from([Infinity, Date.UTC(2025, 11, 31), Date.UTC(2025, 11, 31, 23)]),
        segments: ['smb', '', 'enterprise'],
      },
    });
  });

  it('accepts the other header names, a byte order mark, CRLF, quotes and blank lines, without end or segment columns', () => {
    const result = read('\ufeffID,Plan Key,Started_At\r\n\r\n"c,1",pro,2025-01-01\r\n"c ""2""",,2025-01-02\r\n\r\n');
    expect(result).toMatchObject({ ok: true, rowCount: 2, customers: { ids: ['c,1', 'c "2"'], planKeys: ['pro', ''], segments: ['', ''] } });
    if (result.ok) expect(Array.from(result.customers.endMs)).toEqual([Infinity, Infinity]);
  });

  it('prefers customer_id over id when both columns exist', () => {
    const result = read('id,customer_id,plan,start\nrow-1,c-1,pro,2025-01-01\n');
    expect(result).toMatchObject({ ok: true, customers: { ids: ['c-1'] } });
  });

  it('follows an explicit column mapping', () => {
    const result = read('Account,Tier,Since,Region\nA-1,pro,2025-01-01,EU\n', 'customers.csv', {
      columns: { id: 'Account', plan: 'Tier', start: 'Since', segment: 'Region' },
    });
    expect(result).toMatchObject({ ok: true, customers: { ids: ['A-1'], planKeys: ['pro'], segments: ['EU'] } });
  });

  it('reads NDJSON with null plans and ends', () => {
    const result = read(
      '{"id":"c-1","plan":"pro","start":"2025-01-01","end":null,"segment":"smb"}\n' + '{"customerId":"c-2","plan_key":null,"started_at":1735689600000}\n',
      'customers.ndjson',
    );
    expect(result).toMatchObject({ ok: true, rowCount: 2, customers: { ids: ['c-1', 'c-2'], planKeys: ['pro', ''], segments: ['smb', ''] } });
    if (result.ok) expect(Array.from(result.customers.endMs)).toEqual([Infinity, Infinity]);
  });

  it('refuses a customer listed twice, naming the first line', () => {
    expect(messages(read('customer_id,plan,start\nc-1,pro,2025-01-01\nc-2,pro,2025-01-01\nc-1,pro,2025-01-01\n'))).toEqual([
      'duplicate_customer: customers.csv line 4, column 1 (customer_id): customer "c-1" is listed twice (first on line 2).',
    ]);
  });

  it('refuses a missing id', () => {
    expect(messages(read('customer_id,plan,start\n,pro,2025-01-01\n'))).toEqual([
      'missing_value: customers.csv line 2, column 1 (customer_id): the customer id is empty.',
    ]);
    expect(messages(read('{"id":null,"plan":"pro","start":"2025-01-01"}\n', 'customers.jsonl'))).toEqual([
      'missing_value: customers.jsonl line 1, column 7 (id): the customer id is null.',
    ]);
  });

  it('refuses an unparseable or empty start', () => {
    expect(messages(read('customer_id,plan,start\nc-1,pro,2025-02-30\nc-2,pro,\n'))).toEqual([
      'invalid_time: customers.csv line 2, column 3 (start): "2025-02-30" is not a valid time (day 30 is past the end of February 2025, which has 28 days); ' +
        'expected an ISO-8601 UTC time such as 2025-03-04T12:34:56Z, a date such as 2025-03-04 or epoch milliseconds such as 1741091696000.',
      'missing_value: customers.csv line 3, column 3 (start): the start is empty.',
    ]);
  });

  it('refuses an end before the start but accepts an end equal to it', () => {
    expect(messages(read('customer_id,plan,start,end\nc-1,pro,2025-05-01,2025-04-01\nc-2,pro,2025-05-01,2025-05-01\n'))).toEqual([
      'end_before_start: customers.csv line 2, column 4 (end): the end 2025-04-01T00:00:00.000Z is before the start 2025-05-01T00:00:00.000Z.',
    ]);
  });

  it('refuses a header without the id, plan or start column', () => {
    expect(messages(read('name,start\nc-1,2025-01-01\n'))).toEqual([
      'missing_column: customers.csv line 1 (id): the header has no customer id column; name it "customer_id", "id" or "customer", or choose the column that holds the customer id.',
      'missing_column: customers.csv line 1 (plan): the header has no plan column; name it "plan" or "plan_key", or choose the column that holds the plan.',
    ]);
    expect(messages(read('id,plan\nc-1,pro\n', 'customers.csv', { columns: { start: 'Since' } }))).toEqual([
      'missing_column: customers.csv line 1 (start): the header has no "Since" column; it was chosen for the start.',
    ]);
  });

  it('refuses a wrongly typed NDJSON value', () => {
    expect(messages(read('{"id":"c-1","plan":"pro","start":"2025-01-01","segment":{"a":1}}\n', 'customers.ndjson'))).toEqual([
      'wrong_type: customers.ndjson line 1, column 57 (segment): expected a string or null, found {"a":1}.',
    ]);
  });

  it('returns nothing half-read: one bad row fails the whole file', () => {
    const result = read('customer_id,plan,start\nc-1,pro,2025-01-01\nc-2,pro,later\nc-3,pro,2025-01-01\n');
    expect(result).toMatchObject({ ok: false, errorCount: 1 });
    expect(result).not.toHaveProperty('customers');
  });

  it('reads the same table in chunks of any size', () => {
    const text = 'customer_id,plan,start\n' + Array.from({ length: 50 }, (_, i) => `"c-${i}",pro,2025-01-${String((i % 28) + 1).padStart(2, '0')}\n`).join('');
    const whole = read(text);
    const bytes = encoder.encode(text);
    for (const size of [1, 2, 7, 64]) {
      const reader = createCustomersReader('customers.csv');
      for (let at = 0; at < bytes.length; at += size) reader.push(bytes.subarray(at, at + size));
      expect(reader.bytesRead).toBe(bytes.length);
      expect(reader.finish()).toEqual(whole);
    }
  });
});

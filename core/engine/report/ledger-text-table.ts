// One customer's ledger as a terminal table: every entry with its time, kind, grant, feature, credits, money and the
// balance after it. Amounts are exact (money at the currency's minor unit or finer, credits at the book's precision).

import { formatIsoTimestamp } from '../calendar/civil-date';
import type { LedgerEntry } from '../replay/replay-types';
import { formatCredits, formatMoneyExact, formatUnits } from './report-amount-text';
import { layoutTextTable, type TextColumn } from './report-text-table';

const COLUMNS: readonly TextColumn[] = [
  { header: '#', align: 'right' },
  { header: 'At (UTC)', align: 'left' },
  { header: 'Entry', align: 'left' },
  { header: 'Grant', align: 'left' },
  { header: 'Feature', align: 'left' },
  { header: 'Units', align: 'decimal' },
  { header: 'Credits', align: 'decimal' },
  { header: 'Cash', align: 'decimal' },
  { header: 'Revenue', align: 'decimal' },
  { header: 'Breakage', align: 'decimal' },
  { header: 'Expires', align: 'left' },
  { header: 'Balance', align: 'decimal' },
];

export function renderLedgerTable(entries: readonly LedgerEntry[], currency: string, creditDecimals: number): string {
  const rows = entries.map((entry) => [
    String(entry.sequence),
    formatIsoTimestamp(entry.atMs),
    entry.kind,
    entry.grantId === null ? '' : `${entry.grantId} ${entry.grantKind ?? ''}`,
    entry.featureKey ?? '',
    entry.unitsMicros === 0 ? '' : formatUnits(entry.unitsMicros),
    formatCredits(entry.credits, creditDecimals),
    entry.cashMicros === 0 ? '' : formatMoneyExact(entry.cashMicros, currency),
    entry.revenueMicros === 0 ? '' : formatMoneyExact(entry.revenueMicros, currency),
    entry.breakageMicros === 0 ? '' : formatMoneyExact(entry.breakageMicros, currency),
    entry.expiresAtMs === null ? '' : formatIsoTimestamp(entry.expiresAtMs).slice(0, 10),
    formatCredits(entry.balanceAfter, creditDecimals),
  ]);
  return layoutTextTable(COLUMNS, rows);
}

// The ledger drill-down's columns: each entry's time, kind, grant, feature, units, credits (signed), the balance
// after it, and the money it moved. Credits and units exact; money in the book's currency.

import type { LedgerEntry } from '../../../core/engine/replay/replay-types';
import { formatCreditAmount, formatMoney, formatUnitAmount } from '../../components/amount-format';
import type { TableColumn } from '../../components/table-columns';

const NONE = '';

/** "2025-03-01 00:00" (UTC): ledger entries are minutes apart at most, so seconds are left out. */
export function ledgerTime(atMs: number): string {
  return new Date(atMs).toISOString().slice(0, 16).replace('T', ' ');
}

const KIND_TEXT: Record<LedgerEntry['kind'], string> = {
  grant: 'Grant',
  burn: 'Burn',
  expiry: 'Expiry',
  rollover: 'Rollover',
  overage: 'Overage',
  'negative-balance': 'Negative balance',
  'overage-charge': 'Overage charge',
  fee: 'Fee',
  blocked: 'Blocked',
  void: 'Void',
  'debt-repayment': 'Debt repayment',
};

export function ledgerColumns(currency: string, creditDecimals: number): TableColumn<LedgerEntry>[] {
  const money = (micros: number): string => (micros === 0 ? NONE : formatMoney(micros, currency));
  return [
    { id: 'sequence', header: '#', text: (entry) => String(entry.sequence), sortValue: (entry) => entry.sequence, align: 'right', width: 48 },
    { id: 'time', header: 'Time (UTC)', text: (entry) => ledgerTime(entry.atMs), sortValue: (entry) => entry.atMs, width: 150 },
    { id: 'kind', header: 'Entry', text: (entry) => KIND_TEXT[entry.kind], width: 110 },
    { id: 'grant', header: 'Grant', text: (entry) => (entry.grantId === null ? NONE : `#${entry.grantId} ${entry.grantKind ?? ''}`.trim()), width: 130 },
    { id: 'feature', header: 'Feature', text: (entry) => entry.featureKey ?? NONE, width: 110 },
    { id: 'units', header: 'Units', text: (entry) => (entry.unitsMicros === 0 ? NONE : formatUnitAmount(entry.unitsMicros)), sortValue: (entry) => entry.unitsMicros, align: 'right' },
    { id: 'credits', header: 'Credits', text: (entry) => formatCreditAmount(entry.credits, creditDecimals), sortValue: (entry) => entry.credits, align: 'right' },
    { id: 'balance', header: 'Balance after', text: (entry) => formatCreditAmount(entry.balanceAfter, creditDecimals), sortValue: (entry) => entry.balanceAfter, align: 'right' },
    { id: 'cash', header: 'Cash', text: (entry) => money(entry.cashMicros), sortValue: (entry) => entry.cashMicros, align: 'right' },
    { id: 'revenue', header: 'Revenue', text: (entry) => money(entry.revenueMicros), sortValue: (entry) => entry.revenueMicros, align: 'right' },
    { id: 'breakage', header: 'Breakage', text: (entry) => money(entry.breakageMicros), sortValue: (entry) => entry.breakageMicros, align: 'right' },
    { id: 'expires', header: 'Expires', text: (entry) => (entry.expiresAtMs === null ? NONE : ledgerTime(entry.expiresAtMs).slice(0, 10)), sortValue: (entry) => entry.expiresAtMs, width: 100 },
  ];
}

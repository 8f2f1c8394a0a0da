// The ledger drill-down's columns: each entry's time, kind, grant, feature, units, credits (signed), the balance
// after it, and the money it moved. Credits and units exact; money in the book's currency; numbers in the locale
// given on screen and plain in the CSV file.

import type { LedgerEntry } from '../../../core/engine/replay/replay-types';
import { formatCreditAmount, formatMoney, formatUnitAmount, PLAIN_NUMBERS, type NumberLocale } from '../../components/amount-format';
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

/** Memoise on all three: new columns rebuild the table's model. */
export function ledgerColumns(currency: string, creditDecimals: number, locale: NumberLocale): TableColumn<LedgerEntry>[] {
  const money = (micros: number, writing: NumberLocale = locale): string => (micros === 0 ? NONE : formatMoney(micros, currency, writing));
  const units = (micros: number, writing: NumberLocale = locale): string => (micros === 0 ? NONE : formatUnitAmount(micros, writing));
  return [
    { id: 'sequence', header: '#', text: (entry) => String(entry.sequence), sortValue: (entry) => entry.sequence, align: 'right', width: 48 },
    { id: 'time', header: 'Time (UTC)', text: (entry) => ledgerTime(entry.atMs), sortValue: (entry) => entry.atMs, width: 150 },
    { id: 'kind', header: 'Entry', text: (entry) => KIND_TEXT[entry.kind], width: 110 },
    { id: 'grant', header: 'Grant', text: (entry) => (entry.grantId === null ? NONE : `#${entry.grantId} ${entry.grantKind ?? ''}`.trim()), width: 130 },
    { id: 'feature', header: 'Feature', text: (entry) => entry.featureKey ?? NONE, width: 110 },
    { id: 'units', header: 'Units', text: (entry) => units(entry.unitsMicros), csv: (entry) => units(entry.unitsMicros, PLAIN_NUMBERS), sortValue: (entry) => entry.unitsMicros, align: 'right' },
    {
      id: 'credits',
      header: 'Credits',
      text: (entry) => formatCreditAmount(entry.credits, creditDecimals, locale),
      csv: (entry) => formatCreditAmount(entry.credits, creditDecimals, PLAIN_NUMBERS),
      sortValue: (entry) => entry.credits,
      align: 'right',
    },
    {
      id: 'balance',
      header: 'Balance after',
      text: (entry) => formatCreditAmount(entry.balanceAfter, creditDecimals, locale),
      csv: (entry) => formatCreditAmount(entry.balanceAfter, creditDecimals, PLAIN_NUMBERS),
      sortValue: (entry) => entry.balanceAfter,
      align: 'right',
    },
    { id: 'cash', header: 'Cash', text: (entry) => money(entry.cashMicros), csv: (entry) => money(entry.cashMicros, PLAIN_NUMBERS), sortValue: (entry) => entry.cashMicros, align: 'right' },
    {
      id: 'revenue',
      header: 'Revenue',
      text: (entry) => money(entry.revenueMicros),
      csv: (entry) => money(entry.revenueMicros, PLAIN_NUMBERS),
      sortValue: (entry) => entry.revenueMicros,
      align: 'right',
    },
    {
      id: 'breakage',
      header: 'Breakage',
      text: (entry) => money(entry.breakageMicros),
      csv: (entry) => money(entry.breakageMicros, PLAIN_NUMBERS),
      sortValue: (entry) => entry.breakageMicros,
      align: 'right',
    },
    { id: 'expires', header: 'Expires', text: (entry) => (entry.expiresAtMs === null ? NONE : ledgerTime(entry.expiresAtMs).slice(0, 10)), sortValue: (entry) => entry.expiresAtMs, width: 100 },
  ];
}

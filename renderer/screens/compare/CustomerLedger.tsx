// One customer's ledger under one book of the comparison: every grant, burn, expiry and charge in order with the
// balance after it, and the balance over time as a chart. Replayed on the page for this customer alone.

import { useEffect, useMemo, useRef } from 'react';
import type { LedgerEntry } from '../../../core/engine/replay/replay-types';
import { balanceChartOption } from '../../charts/balance-chart';
import { bookColour } from '../../charts/chart-palette';
import { EChart } from '../../components/EChart';
import { VirtualTable } from '../../components/VirtualTable';
import { useWorkbench } from '../../state/store';
import type { ComparisonResult, CustomerLedgerChoice } from '../../state/runs-slice';
import { customerLedger } from './compare-actions';
import { ledgerColumns } from './ledger-rows';

export function CustomerLedger({ result, labels, choice }: { result: ComparisonResult; labels: string[]; choice: CustomerLedgerChoice }) {
  const workbook = useWorkbench((state) => state.workbook);
  const chooseLedger = useWorkbench((state) => state.chooseLedger);
  const locale = useWorkbench((state) => state.numberLocale);
  const panel = useRef<HTMLElement>(null);
  // The ledger opens below the customer table: bring it into view when another customer is chosen.
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'start' });
  }, [choice.customerId]);
  const report = result.reports[choice.reportIndex];
  const ledger = useMemo(
    () =>
      workbook === null
        ? null
        : customerLedger(workbook, result.versionIds[choice.reportIndex], result.datasetId, result.scenarioId, choice.reportIndex === 0, choice.customerId, report.toMs),
    [workbook, result, choice, report],
  );
  const creditDecimals = report.creditDecimals;
  const columns = useMemo(() => ledgerColumns(report.currency, creditDecimals, locale), [report.currency, creditDecimals, locale]);
  const chartOption = useMemo(
    () => (ledger !== null && ledger.ok ? balanceChartOption(ledger.entries, creditDecimals, bookColour(choice.reportIndex), locale) : null),
    [ledger, creditDecimals, choice.reportIndex, locale],
  );

  return (
    <section ref={panel} className="panel" aria-labelledby="ledger-heading">
      <div className="panel-title">
        <h2 id="ledger-heading">
          Ledger of {choice.customerId} under {labels[choice.reportIndex]}
        </h2>
        <button type="button" onClick={() => chooseLedger(null)}>
          Close ledger
        </button>
      </div>
      <div className="actions">
        <label>
          Book{' '}
          <select aria-label="Ledger book" value={choice.reportIndex} onChange={(event) => chooseLedger({ ...choice, reportIndex: Number(event.target.value) })}>
            {labels.map((label, index) => (
              <option key={index} value={index}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {ledger === null || !ledger.ok ? (
        <p className="problem" role="alert">
          {ledger === null ? 'The workbook is not open.' : ledger.message}
        </p>
      ) : (
        <>
          {chartOption !== null && <EChart title={`Balance of ${choice.customerId} over time`} option={chartOption} heightPx={220} />}
          <VirtualTable<LedgerEntry>
            title={`Ledger entries of ${choice.customerId}`}
            rows={ledger.entries}
            columns={columns}
            rowKey={(entry) => String(entry.sequence)}
            rowNoun={['entry', 'entries']}
            heightPx={320}
          />
        </>
      )}
    </section>
  );
}

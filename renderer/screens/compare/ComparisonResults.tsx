// A comparison's results side by side: headline figures, effective price per feature (table and chart), the spread
// of bill changes across customers, and the per-customer table whose rows open that customer's ledger.

import { useMemo, useState } from 'react';
import { readPriceBookVersionById } from '../../../core/workbook/repositories/price-books';
import { billChangeHistogram, billChangeHistogramOption } from '../../charts/bill-change-histogram';
import { effectivePriceChartOption } from '../../charts/effective-price-chart';
import { formatCount, PLAIN_NUMBERS } from '../../components/amount-format';
import { EChart } from '../../components/EChart';
import { FigureTable } from '../../components/FigureTable';
import { VirtualTable } from '../../components/VirtualTable';
import { useWorkbench } from '../../state/store';
import type { ComparisonResult } from '../../state/runs-slice';
import { formatTime } from '../workbook/workbook-lines';
import { staleText } from './compare-actions';
import { versionLabel } from './compare-choices';
import { customerColumns, customerRows, headlineRows, priceRows, type CustomerRow } from './compare-rows';
import { CustomerLedger } from './CustomerLedger';

export function ComparisonResults({ result }: { result: ComparisonResult }) {
  const workbook = useWorkbench((state) => state.workbook);
  const ledgerChoice = useWorkbench((state) => state.ledgerChoice);
  const chooseLedger = useWorkbench((state) => state.chooseLedger);
  const locale = useWorkbench((state) => state.numberLocale);
  const { reports } = result;
  const currency = reports[0].currency;
  const labels = useMemo(
    () =>
      result.versionIds.map((versionId, index) => {
        const version = workbook === null ? null : readPriceBookVersionById(workbook, versionId);
        return version !== null && version.ok ? versionLabel(version.value.book.name, version.value.versionNumber) : reports[index].book.name;
      }),
    [workbook, result, reports],
  );
  const [candidateIndex, setCandidateIndex] = useState(1);
  const shownCandidate = Math.min(candidateIndex, reports.length - 1);
  const headline = useMemo(() => headlineRows(reports, locale).map((row) => [row.figure, ...row.values]), [reports, locale]);
  const headlineCsv = useMemo(() => headlineRows(reports, PLAIN_NUMBERS).map((row) => [row.figure, ...row.values]), [reports]);
  const prices = useMemo(() => priceRows(reports, locale).map((row) => [row.feature, row.unit, ...row.values]), [reports, locale]);
  const pricesCsv = useMemo(() => priceRows(reports, PLAIN_NUMBERS).map((row) => [row.feature, row.unit, ...row.values]), [reports]);
  const priceOption = useMemo(() => effectivePriceChartOption(reports, labels, locale), [reports, labels, locale]);
  const histogram = useMemo(() => billChangeHistogram(reports), [reports]);
  const histogramOption = useMemo(
    () => billChangeHistogramOption(histogram, labels.slice(1), currency, locale),
    [histogram, labels, currency, locale],
  );
  const rows = useMemo(() => customerRows(reports, shownCandidate), [reports, shownCandidate]);
  const columns = useMemo(() => customerColumns(currency, locale), [currency, locale]);
  const stale = staleText(result.stale);
  const first = reports[0];

  return (
    <>
      <section className="panel" aria-labelledby="results-heading">
        <h2 id="results-heading">Results</h2>
        <p className="hint">
          {result.recording ? 'Recording in the workbook' : result.runId === null ? 'Not recorded' : `Run #${result.runId}`}, {formatTime(result.createdAtMs)}: {formatCount(first.customerCount, locale)} customers and{' '}
          {formatCount(first.eventCount, locale)} events, {new Date(first.fromMs).toISOString().slice(0, 10)} to {new Date(first.toMs).toISOString().slice(0, 10)} (end
          exclusive), money in {currency}.
        </p>
        {stale !== null && <p className="warning">{stale}</p>}
        {result.note !== null && <p className="warning">{result.note}</p>}
        <FigureTable title="Headline figures" header={['Figure', ...labels]} rows={headline} csvRows={headlineCsv} />
      </section>
      <section className="panel" aria-labelledby="prices-heading">
        <h2 id="prices-heading">Effective price per feature</h2>
        <p className="hint">Revenue recognised from a feature’s burns, divided by its units: what a unit of the feature really earned under each book.</p>
        <FigureTable title="Effective price per feature" header={['Feature', 'Unit', ...labels]} rows={prices} csvRows={pricesCsv} numbersFrom={2} />
        <EChart title="Effective price per feature (chart)" option={priceOption} heightPx={300} />
      </section>
      <section className="panel" aria-labelledby="histogram-heading">
        <h2 id="histogram-heading">Bill change across customers</h2>
        <p className="hint">How many customers would have paid how much more or less than under the baseline, in bins of equal width.</p>
        <EChart title="Bill change histogram" option={histogramOption} heightPx={300} />
      </section>
      <section className="panel" aria-labelledby="customers-heading">
        <h2 id="customers-heading">Customers</h2>
        <div className="actions">
          <label>
            Candidate{' '}
            <select aria-label="Candidate shown" value={shownCandidate} onChange={(event) => setCandidateIndex(Number(event.target.value))}>
              {labels.slice(1).map((label, index) => (
                <option key={index + 1} value={index + 1}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <span className="hint">Click a customer (or press Enter on one) to open their ledger.</span>
        </div>
        <VirtualTable<CustomerRow>
          title="Customers"
          rows={rows}
          columns={columns}
          rowKey={(row) => row.id}
          rowNoun={['customer', 'customers']}
          filterable
          heightPx={400}
          selectedKey={ledgerChoice?.customerId ?? null}
          onRowOpen={(row) => chooseLedger({ customerId: row.id, reportIndex: shownCandidate })}
        />
      </section>
      {ledgerChoice !== null && <CustomerLedger result={result} labels={labels} choice={ledgerChoice} />}
    </>
  );
}

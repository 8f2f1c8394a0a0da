// The Finance screen: for a book (and its what-if variant) over a dataset, month by month: cash, recognised revenue,
// breakage and the liability roll-forward as a waterfall, and the liability stacked by time to expiry.

import { useEffect, useMemo, useState } from 'react';
import { liabilityByExpiryOption, rollForward, waterfallOption, waterfallSteps } from '../../charts/liability-charts';
import { PLAIN_NUMBERS } from '../../components/amount-format';
import { EChart } from '../../components/EChart';
import { FigureTable } from '../../components/FigureTable';
import { useServices } from '../../app/services';
import { useShortcut } from '../../app/use-shortcut';
import { useWorkbench, workbenchStore } from '../../state/store';
import type { FinanceResult } from '../../state/runs-slice';
import { datasetChoices, versionChoices } from '../compare/compare-choices';
import { cancelFinance, runFinance } from './finance-actions';
import { financeMonthRows, financeTotalsRows, MONTH_HEADER } from './finance-rows';
import { FinanceRulesForm } from './FinanceRulesForm';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { ReplayProgressLine } from '../../components/ReplayProgressLine';

function FinanceResults({ result }: { result: FinanceResult }) {
  const { reports, labels } = result;
  const locale = useWorkbench((state) => state.numberLocale);
  const currency = reports[0].currency;
  const [bookIndex, setBookIndex] = useState(0);
  const [month, setMonth] = useState('all');
  const shownBook = Math.min(bookIndex, reports.length - 1);
  const totals = useMemo(() => financeTotalsRows(reports, locale), [reports, locale]);
  const totalsCsv = useMemo(() => financeTotalsRows(reports, PLAIN_NUMBERS), [reports]);
  const monthRows = useMemo(() => financeMonthRows(reports[shownBook], locale), [reports, shownBook, locale]);
  const monthCsv = useMemo(() => financeMonthRows(reports[shownBook], PLAIN_NUMBERS), [reports, shownBook]);
  const waterfalls = useMemo(
    () =>
      reports.map((report) => {
        const months = month === 'all' ? report.months : report.months.filter((entry) => entry.month === month);
        return waterfallOption(waterfallSteps(rollForward(months)), currency, locale);
      }),
    [reports, month, currency, locale],
  );
  const stacks = useMemo(() => reports.map((report) => liabilityByExpiryOption(report.months, currency, locale)), [reports, currency, locale]);

  return (
    <>
      <section className="panel" aria-labelledby="finance-totals-heading">
        <h2 id="finance-totals-heading">Totals</h2>
        <FigureTable title="Finance totals" header={['Figure', ...labels]} rows={totals} csvRows={totalsCsv} />
      </section>
      <section className="panel" aria-labelledby="rollforward-heading">
        <div className="panel-title">
          <h2 id="rollforward-heading">Liability roll-forward</h2>
          <label>
            Months{' '}
            <select aria-label="Roll-forward months" value={month} onChange={(event) => setMonth(event.target.value)}>
              <option value="all">The whole window</option>
              {reports[0].months.map((entry) => (
                <option key={entry.month} value={entry.month}>
                  {entry.month}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="hint">Opening liability + credits issued − revenue recognised from credits − breakage − refunds = closing liability, in {currency}.</p>
        <div className="chart-grid">
          {reports.map((report, index) => (
            <EChart key={index} title={`Roll-forward: ${labels[index]}`} option={waterfalls[index]} heightPx={280} />
          ))}
        </div>
      </section>
      <section className="panel" aria-labelledby="aging-heading">
        <h2 id="aging-heading">Liability by time to expiry</h2>
        <p className="hint">Each month’s closing liability, by how long its credits have left before they expire.</p>
        <div className="chart-grid">
          {reports.map((report, index) => (
            <EChart key={index} title={`Liability by time to expiry: ${labels[index]}`} option={stacks[index]} heightPx={280} />
          ))}
        </div>
      </section>
      <section className="panel" aria-labelledby="months-heading">
        <div className="panel-title">
          <h2 id="months-heading">Month by month</h2>
          {reports.length > 1 && (
            <label>
              Book{' '}
              <select aria-label="Month table book" value={shownBook} onChange={(event) => setBookIndex(Number(event.target.value))}>
                {labels.map((label, index) => (
                  <option key={index} value={index}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <FigureTable title={`Months: ${labels[shownBook]}`} header={MONTH_HEADER} rows={monthRows} csvRows={monthCsv} />
      </section>
    </>
  );
}

export function FinanceScreen() {
  const services = useServices();
  const workbook = useWorkbench((state) => state.workbook);
  const revision = useWorkbench((state) => state.workbookRevision);
  const choice = useWorkbench((state) => state.financeChoice);
  const progress = useWorkbench((state) => state.financeProgress);
  const result = useWorkbench((state) => state.financeResult);
  const comparisonBaseline = useWorkbench((state) => state.comparison.baselineVersionId);
  const chooseFinance = useWorkbench((state) => state.chooseFinance);
  const locale = useWorkbench((state) => state.numberLocale);
  // The revision says when the workbook's books or datasets may have changed.
  const versions = useMemo(() => (workbook === null ? [] : versionChoices(workbook)), [workbook, revision]);
  const datasets = useMemo(() => (workbook === null ? [] : datasetChoices(workbook, locale)), [workbook, revision, locale]);
  const running = progress.state === 'running';

  // Starts from the book being compared (or the first book) and the first dataset.
  useEffect(() => {
    if (choice.versionId === null && versions.length > 0) chooseFinance({ versionId: comparisonBaseline ?? versions[0].versionId });
    if (choice.datasetId === null && datasets.length > 0) chooseFinance({ datasetId: datasets[0].datasetId });
  }, [choice.versionId, choice.datasetId, versions, datasets, comparisonBaseline, chooseFinance]);

  const run = (): void => {
    runFinance(workbenchStore, services.replayClient).catch((error: unknown) => {
      workbenchStore.getState().financeStopped({ state: 'failed', message: `The replay failed unexpectedly: ${error instanceof Error ? error.message : String(error)}` });
    });
  };
  useShortcut({ key: 'Enter' }, run);

  return (
    <>
      <section className="panel" aria-labelledby="finance-heading">
        <h2 id="finance-heading">Finance</h2>
        <p className="hint">
          Replays a book over past usage and follows the money month by month: cash received, revenue recognised as credits are used, breakage, and the
          liability for credits paid for but not yet used. Switch the breakage and expiry rules to see the same history under a what-if variant.
        </p>
        <div className="choice-grid">
          <ChoiceSelect
            label="Price book"
            ariaLabel="Finance book"
            value={choice.versionId}
            choices={versions.map((version) => ({ id: version.versionId, label: version.label }))}
            disabled={running}
            onChoose={(versionId) => chooseFinance({ versionId })}
          />
          <ChoiceSelect
            label="Usage"
            ariaLabel="Finance dataset"
            value={choice.datasetId}
            choices={datasets.map((dataset) => ({ id: dataset.datasetId, label: dataset.label }))}
            disabled={running}
            onChoose={(datasetId) => chooseFinance({ datasetId })}
          />
        </div>
        <FinanceRulesForm rules={choice.rules} disabled={running} onChange={(rules) => chooseFinance({ rules })} />
        <div className="actions">
          <button type="button" className="primary" disabled={running} onClick={run} title="Ctrl+Enter or Cmd+Enter">
            Run finance replay
          </button>
          {running && (
            <button type="button" onClick={() => cancelFinance(workbenchStore, services.replayClient)}>
              Cancel
            </button>
          )}
        </div>
        {progress.state === 'running' && <ReplayProgressLine progress={progress} />}
        {progress.state === 'cancelled' && <p className="hint">The replay was cancelled.</p>}
        {progress.state === 'failed' && (
          <p className="problem" role="alert">
            {progress.message}
          </p>
        )}
      </section>
      {result !== null && <FinanceResults result={result} />}
    </>
  );
}

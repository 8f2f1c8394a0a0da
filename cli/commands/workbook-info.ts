// `info --workbook W`: what a workbook holds, without changing it: its price books, datasets (counts, time range,
// source files, import time) and scenarios with whether their latest run is still current.

import { ENGINE_VERSION } from '../../core/engine/version';
import { LATEST_SCHEMA_VERSION } from '../../core/workbook/migrations/migration-list';
import { listDatasets } from '../../core/workbook/repositories/datasets';
import { listPriceBooks } from '../../core/workbook/repositories/price-books';
import { listRuns, runStaleness } from '../../core/workbook/repositories/runs';
import { listScenarios, type Scenario } from '../../core/workbook/repositories/scenarios';
import type { Workbook } from '../../core/workbook/workbook';
import { formatCommandHelp, parseCommandArgs, stringOption, type CommandSpec } from '../args';
import { plural } from '../book-input';
import { EXIT_OK, EXIT_USAGE, failWith, PROGRAM_NAME, type CliIo } from '../cli-io';
import { openWorkbookFile } from '../file-store/workbook-file';
import { describeScenarioOptions, describeTimeRange, describeVersion, formatInstant, shortHash } from './workbook-text';

export const WORKBOOK_INFO_SPEC: CommandSpec = {
  name: 'info',
  summary: 'Describes a workbook: its price books, usage datasets and scenarios. The file is only read.',
  positionals: [],
  options: {
    workbook: { type: 'string', valueName: 'W', description: 'The workbook file.' },
  },
  notes: ['Exit status: 0 success, 2 bad arguments or a file that is not a readable workbook.'],
};

export async function runWorkbookInfo(argv: string[], io: CliIo): Promise<number> {
  const command = WORKBOOK_INFO_SPEC.name;
  const parsed = parseCommandArgs(WORKBOOK_INFO_SPEC, argv);
  if (parsed.kind === 'help') {
    io.stdout.write(formatCommandHelp(PROGRAM_NAME, WORKBOOK_INFO_SPEC));
    return EXIT_OK;
  }
  if (parsed.kind === 'error') return failWith(io, command, EXIT_USAGE, parsed.reason);
  const workbookPath = stringOption(parsed.values, 'workbook');
  if (workbookPath === undefined) return failWith(io, command, EXIT_USAGE, 'needs --workbook W');
  const file = await openWorkbookFile(io, command, workbookPath, { createIfMissing: false });
  if (!file.ok) return file.exitCode;
  const { workbook } = file;
  const upgrade = file.upgradedFrom === null ? '' : ` (the file is at version ${file.upgradedFrom}; it is upgraded when next saved)`;
  const megabytes = (file.fileBytes / 1e6).toFixed(1);
  const lines = [`workbook ${file.displayPath}: schema version ${LATEST_SCHEMA_VERSION}${upgrade}, ${megabytes} MB`];

  const books = listPriceBooks(workbook);
  lines.push(`price books: ${books.length}`);
  for (const book of books) {
    lines.push(`  ${book.id}  "${book.name}"  ${plural(book.versionCount, 'version')}, latest v${book.latest.versionNumber} ${shortHash(book.latest.contentHash)}`);
  }
  const datasets = listDatasets(workbook);
  lines.push(`datasets: ${datasets.length}`);
  for (const dataset of datasets) {
    const files = dataset.customersFileName === null ? dataset.eventsFileName : `${dataset.eventsFileName} + ${dataset.customersFileName}`;
    lines.push(
      `  #${dataset.id} "${dataset.name}"  ${plural(dataset.eventCount, 'event')}, ${plural(dataset.customerCount, 'customer')}, ` +
        `${plural(dataset.featureCount, 'feature')}, ${describeTimeRange(dataset.firstEventMs, dataset.lastEventMs)}; ` +
        `from ${files}, imported ${formatInstant(dataset.importedAtMs)}`,
    );
  }
  const scenarios = listScenarios(workbook);
  lines.push(`scenarios: ${scenarios.length}`);
  for (const scenario of scenarios) lines.push(`  ${describeScenario(workbook, scenario, datasets)}`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

function describeScenario(workbook: Workbook, scenario: Scenario, datasets: ReturnType<typeof listDatasets>): string {
  const dataset = datasets.find((candidate) => candidate.id === scenario.datasetId);
  const candidates = scenario.candidateVersionIds.map((id) => describeVersion(workbook, id)).join(', ');
  const runs = listRuns(workbook, scenario.id);
  let runText = 'not run yet';
  if (runs.length > 0) {
    const staleness = runStaleness(workbook, runs[0].id, ENGINE_VERSION);
    const state = !staleness.ok ? 'state unknown' : staleness.value.stale ? `stale: ${staleness.value.reasons.join(', ')}` : 'current';
    runText = `${plural(runs.length, 'run')}, latest #${runs[0].id} ${formatInstant(runs[0].createdAtMs)} (${state})`;
  }
  return (
    `"${scenario.name}"  baseline ${describeVersion(workbook, scenario.baselineVersionId)}, candidates ${candidates}, ` +
    `dataset "${dataset?.name ?? `#${scenario.datasetId}`}"${describeScenarioOptions(scenario.options)}; ${runText}`
  );
}

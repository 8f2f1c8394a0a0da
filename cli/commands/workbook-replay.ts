// `replay --workbook W --scenario NAME`: replays a scenario stored in a workbook (its baseline and candidate book
// versions over its dataset, with its options: the window's end for every book, the plan mapping for the
// candidates), records the run with the hashes of its inputs, and prints the reports like the file-based replay.
// `--latest` prints the last recorded run without replaying, and says when it is stale.

import type { PriceBook } from '../../core/engine/price-book/model';
import type { ReplayReport } from '../../core/engine/report/report-model';
import { CSV_SECTIONS } from '../../core/engine/report/report-csv';
import { ENGINE_VERSION } from '../../core/engine/version';
import { loadDataset } from '../../core/workbook/repositories/dataset-store';
import { readPriceBookVersionById } from '../../core/workbook/repositories/price-books';
import { latestRun, recordRun, runStaleness, scenarioInputs } from '../../core/workbook/repositories/runs';
import { findScenarioByName } from '../../core/workbook/repositories/scenarios';
import { applyPlanMapping, readScenarioOptions, type PlanMove } from '../../core/workbook/scenario-options';
import { booleanOption, formatCommandHelp, parseCommandArgs, stringOption, type CommandSpec } from '../args';
import { plural } from '../book-input';
import { EXIT_OK, EXIT_USAGE, failWith, PROGRAM_NAME, type CliCommand, type CliIo } from '../cli-io';
import { openWorkbookFile, saveWorkbookFile } from '../file-store/workbook-file';
import { replayBooks } from '../replay-books';
import { deliverOutput, REPORT_FORMATS, renderReports, type RenderChoice } from '../report-output';
import { describePlan, formatInstant } from './workbook-text';

export const WORKBOOK_REPLAY_SPEC: CommandSpec = {
  name: 'replay',
  summary:
    'Replays a scenario stored in a workbook and records the run in it, so the reports reopen later without ' +
    'replaying; --latest prints the last recorded run instead.',
  positionals: [],
  options: {
    workbook: { type: 'string', valueName: 'W', description: 'The workbook file.' },
    scenario: { type: 'string', valueName: 'NAME', description: 'The scenario to replay (see scenarios).' },
    latest: { type: 'boolean', description: 'Print the last recorded run of the scenario without replaying.' },
    format: { type: 'string', choices: REPORT_FORMATS, valueName: 'FORMAT', description: 'Output format; default table.' },
    section: { type: 'string', choices: CSV_SECTIONS, valueName: 'SECTION', description: 'The section a CSV holds (default features), or the only section a table shows.' },
    top: { type: 'string', valueName: 'N', description: 'Customers the table lists per book; default 10.' },
    out: { type: 'string', valueName: 'FILE', description: 'Write the output to FILE (atomically) instead of stdout.' },
    progress: { type: 'boolean', description: 'Show progress on stderr even when it is not a terminal.' },
  },
  notes: ['Reports are in the order baseline, then candidates.', 'Exit status: 0 success, 1 books and usage do not fit together, 2 bad arguments, unknown scenario or unreadable file.'],
};

/** The replay command with its workbook form: arguments naming --workbook go here, all others to `fileReplay`. */
export function withWorkbookReplay(fileReplay: CliCommand): CliCommand {
  return async (argv, io) => {
    if (argv.some((arg) => arg === '--workbook' || arg.startsWith('--workbook='))) return runWorkbookReplay(argv, io);
    const exitCode = await fileReplay(argv, io);
    if (argv.includes('--help') || argv.includes('-h')) io.stdout.write(`\nOr, from a workbook:\n\n${formatCommandHelp(PROGRAM_NAME, WORKBOOK_REPLAY_SPEC)}`);
    return exitCode;
  };
}

export async function runWorkbookReplay(argv: string[], io: CliIo): Promise<number> {
  const command = WORKBOOK_REPLAY_SPEC.name;
  const parsed = parseCommandArgs(WORKBOOK_REPLAY_SPEC, argv);
  if (parsed.kind === 'help') {
    io.stdout.write(formatCommandHelp(PROGRAM_NAME, WORKBOOK_REPLAY_SPEC));
    return EXIT_OK;
  }
  const fail = (reason: string): number => failWith(io, command, EXIT_USAGE, reason);
  if (parsed.kind === 'error') return fail(parsed.reason);
  const { values } = parsed;
  const workbookPath = stringOption(values, 'workbook');
  const scenarioName = stringOption(values, 'scenario');
  if (workbookPath === undefined) return fail('needs --workbook W');
  if (scenarioName === undefined) return fail('needs --scenario NAME');
  const choice = renderChoice(values);
  if (typeof choice === 'string') return fail(choice);

  const file = await openWorkbookFile(io, command, workbookPath, { createIfMissing: false });
  if (!file.ok) return file.exitCode;
  const { workbook } = file;
  const scenario = findScenarioByName(workbook, scenarioName);
  if (!scenario.ok) return fail(`${scenario.problem.message} [${scenario.problem.code}]`);

  if (booleanOption(values, 'latest')) {
    const run = latestRun(workbook, scenario.value.id);
    if (!run.ok) return fail(`${run.problem.message} [${run.problem.code}]`);
    const staleness = runStaleness(workbook, run.value.id, ENGINE_VERSION);
    const state = staleness.ok && staleness.value.stale ? `; it is stale (${staleness.value.reasons.join(', ')}): replay to update it` : '';
    io.stderr.write(`run #${run.value.id} of ${formatInstant(run.value.createdAtMs)}${state}\n`);
    const reports = [run.value.baseline.report, ...run.value.candidates.map((candidate) => candidate.report)];
    return deliverOutput(io, command, renderReports(reports, choice), stringOption(values, 'out'));
  }

  // Taken before replaying, so the run names exactly the inputs it replayed.
  const inputs = scenarioInputs(workbook, scenario.value.id);
  if (!inputs.ok) return fail(`${inputs.problem.message} [${inputs.problem.code}]`);
  const versionIds = [scenario.value.baselineVersionId, ...scenario.value.candidateVersionIds];
  const books: PriceBook[] = [];
  for (const versionId of versionIds) {
    const version = readPriceBookVersionById(workbook, versionId);
    if (!version.ok) return fail(`${version.problem.message} [${version.problem.code}]`);
    books.push(version.value.book);
  }
  const options = readScenarioOptions(scenario.value.options);
  if (!options.ok) return fail(`${options.problem.message} [${options.problem.code}]`);
  for (const key of options.value.notApplied) io.stderr.write(`note: this version does not apply the scenario's option "${key}"; it is kept as stored\n`);
  const dataset = loadDataset(workbook, scenario.value.datasetId);
  if (!dataset.ok) return fail(`${dataset.problem.message} [${dataset.problem.code}]`);
  const mapped = applyPlanMapping(dataset.value, options.value.planMapping);
  for (const move of mapped.moves) {
    const line = move.customerCount === 0
      ? `note: the plan mapping moves nobody from ${describePlan(move.fromPlanKey)}: no customer of the dataset is on it`
      : `plan mapping for the candidates: ${describeMove(move)}`;
    io.stderr.write(`${line}\n`);
  }
  const outcome = replayBooks(io, command, books, dataset.value, {
    baselineIndex: 0,
    progress: booleanOption(values, 'progress'),
    ...(options.value.toMs === null ? {} : { toMs: options.value.toMs }),
    candidateDataset: mapped.dataset,
    // The engine names the plan a book lacks; when the mapping sent customers there, say so.
    explainMismatch: (error, index) => {
      if (index === 0 || error.code !== 'unknown_plan') return null;
      const planKeys = new Set(books[index].plans.map((plan) => plan.key));
      const moves = mapped.moves.filter((move) => move.customerCount > 0 && move.toPlanKey !== '' && !planKeys.has(move.toPlanKey));
      if (moves.length === 0) return null;
      return `The scenario's plan mapping moves ${moves.map(describeMove).join('; ')}; map them to a plan the book has.`;
    },
  });
  if (!outcome.ok) return outcome.exitCode;

  const reportOf = (index: number): { versionId: number; report: ReplayReport } => ({ versionId: versionIds[index], report: outcome.reports[index] });
  const recorded = recordRun(workbook, {
    scenarioId: scenario.value.id,
    inputs: inputs.value,
    engineVersion: ENGINE_VERSION,
    createdAtMs: Date.now(),
    baseline: reportOf(0),
    candidates: versionIds.slice(1).map((_, index) => reportOf(index + 1)),
  });
  if (!recorded.ok) return fail(`${recorded.problem.message} [${recorded.problem.code}]`);
  const saveFailure = await saveWorkbookFile(io, command, file);
  if (saveFailure !== null) return saveFailure;
  io.stderr.write(`recorded run #${recorded.value.id} in ${file.displayPath}\n`);
  return deliverOutput(io, command, renderReports(outcome.reports, choice), stringOption(values, 'out'));
}

/** 3 customers from "pro" to "pro-2025" */
function describeMove(move: PlanMove): string {
  return `${plural(move.customerCount, 'customer')} from ${describePlan(move.fromPlanKey)} to ${describePlan(move.toPlanKey)}`;
}

function renderChoice(values: Parameters<typeof stringOption>[0]): RenderChoice | string {
  // Both options were checked against their choices, so find() only narrows the type.
  const format = REPORT_FORMATS.find((choice) => choice === (stringOption(values, 'format') ?? 'table'));
  if (format === undefined) throw new Error('invariant: --format passed the choices check');
  const section = CSV_SECTIONS.find((choice) => choice === stringOption(values, 'section'));
  if (section !== undefined && format === 'json') return '--section applies to table and csv output, not json';
  const topText = stringOption(values, 'top');
  const topCustomers = topText === undefined ? undefined : Number(topText);
  if (topCustomers !== undefined && !(Number.isSafeInteger(topCustomers) && topCustomers >= 0)) {
    return `--top must be a whole number of customers; got "${topText}"`;
  }
  return { format, ...(section === undefined ? {} : { section }), ...(topCustomers === undefined ? {} : { topCustomers }) };
}

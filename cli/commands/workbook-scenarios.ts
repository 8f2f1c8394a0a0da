// `scenarios --workbook W`: lists the workbook's scenarios; `--add NAME --baseline ID[@N] --candidate ID[@N] …
// --dataset NAME [--to DATE] [--map-plan FROM=TO …]` defines one: a baseline book version, candidate versions, a
// dataset and the options that `replay --workbook W --scenario NAME` applies. A reference without @N names the
// book's latest version at the time of adding.

import { parseTimeText } from '../../core/engine/usage/iso-time';
import { findDatasetByName } from '../../core/workbook/repositories/datasets';
import { readPriceBookVersion } from '../../core/workbook/repositories/price-books';
import { createScenario, listScenarios } from '../../core/workbook/repositories/scenarios';
import { scenarioOptionsJson, type ScenarioReplayOptions } from '../../core/workbook/scenario-options';
import type { Workbook } from '../../core/workbook/workbook';
import { formatCommandHelp, parseCommandArgs, stringListOption, stringOption, type CommandSpec, type OptionValue } from '../args';
import { EXIT_OK, EXIT_USAGE, failWith, PROGRAM_NAME, type CliIo } from '../cli-io';
import { openWorkbookFile, saveWorkbookFile } from '../file-store/workbook-file';
import { describeScenarioOptions, describeVersion, parseVersionReference } from './workbook-text';

export const WORKBOOK_SCENARIOS_SPEC: CommandSpec = {
  name: 'scenarios',
  summary: "Lists a workbook's scenarios, or adds one: a baseline book, candidate books and a usage dataset to replay.",
  positionals: [],
  options: {
    workbook: { type: 'string', valueName: 'W', description: 'The workbook file.' },
    add: { type: 'string', valueName: 'NAME', description: 'Add a scenario of this name (needs --baseline, --candidate and --dataset).' },
    baseline: { type: 'string', valueName: 'ID[@N]', description: 'The book version the candidates are measured against.' },
    candidate: { type: 'string', multiple: true, valueName: 'ID[@N]', description: 'A book version to compare with the baseline.' },
    dataset: { type: 'string', valueName: 'NAME', description: 'The usage dataset to replay (see info).' },
    to: { type: 'string', valueName: 'DATE', description: "End the replay window here (exclusive) for every book; default the month after the dataset's last event." },
    'map-plan': {
      type: 'string',
      multiple: true,
      valueName: 'FROM=TO',
      description: 'For the candidate books, replay the customers of plan FROM on plan TO (TO empty: on no plan).',
    },
  },
  notes: [
    'DATE is a date such as 2025-07-01 (midnight UTC) or an ISO-8601 time.',
    'Exit status: 0 success, 2 bad arguments, unknown book, version or dataset, or unreadable file.',
  ],
};

export async function runWorkbookScenarios(argv: string[], io: CliIo): Promise<number> {
  const command = WORKBOOK_SCENARIOS_SPEC.name;
  const parsed = parseCommandArgs(WORKBOOK_SCENARIOS_SPEC, argv);
  if (parsed.kind === 'help') {
    io.stdout.write(formatCommandHelp(PROGRAM_NAME, WORKBOOK_SCENARIOS_SPEC));
    return EXIT_OK;
  }
  const fail = (reason: string): number => failWith(io, command, EXIT_USAGE, reason);
  if (parsed.kind === 'error') return fail(parsed.reason);
  const { values } = parsed;
  const workbookPath = stringOption(values, 'workbook');
  if (workbookPath === undefined) return fail('needs --workbook W');
  const name = stringOption(values, 'add');
  const baseline = stringOption(values, 'baseline');
  const candidates = stringListOption(values, 'candidate');
  const datasetName = stringOption(values, 'dataset');
  const options = replayOptions(values);
  if (typeof options === 'string') return fail(options);
  const optionsGiven = options.toMs !== null || options.planMapping.size > 0;
  if (name === undefined && (baseline !== undefined || candidates.length > 0 || datasetName !== undefined || optionsGiven)) {
    return fail('--baseline, --candidate, --dataset, --to and --map-plan go with --add NAME');
  }
  const file = await openWorkbookFile(io, command, workbookPath, { createIfMissing: false });
  if (!file.ok) return file.exitCode;
  const { workbook } = file;

  if (name === undefined) {
    const scenarios = listScenarios(workbook);
    if (scenarios.length === 0) io.stdout.write(`${file.displayPath} has no scenarios yet; add one with --add NAME\n`);
    for (const scenario of scenarios) {
      const candidateText = scenario.candidateVersionIds.map((id) => describeVersion(workbook, id)).join(', ');
      io.stdout.write(
        `"${scenario.name}"  baseline ${describeVersion(workbook, scenario.baselineVersionId)}, candidates ${candidateText}` +
          `${describeScenarioOptions(scenario.options)}\n`,
      );
    }
    return EXIT_OK;
  }

  if (baseline === undefined) return fail('needs --baseline ID[@N]');
  if (candidates.length === 0) return fail('needs at least one --candidate ID[@N]');
  if (datasetName === undefined) return fail('needs --dataset NAME');
  const baselineId = versionId(workbook, baseline);
  if (typeof baselineId === 'string') return fail(baselineId);
  const candidateIds: number[] = [];
  for (const candidate of candidates) {
    const id = versionId(workbook, candidate);
    if (typeof id === 'string') return fail(id);
    candidateIds.push(id);
  }
  const dataset = findDatasetByName(workbook, datasetName);
  if (!dataset.ok) return fail(`${dataset.problem.message} [${dataset.problem.code}]`);
  const created = createScenario(
    workbook,
    { name, baselineVersionId: baselineId, candidateVersionIds: candidateIds, datasetId: dataset.value.id, options: scenarioOptionsJson(options) },
    Date.now(),
  );
  if (!created.ok) return fail(`${created.problem.message} [${created.problem.code}]`);
  const saveFailure = await saveWorkbookFile(io, command, file);
  if (saveFailure !== null) return saveFailure;
  io.stdout.write(`added scenario "${name}" to ${file.displayPath}\n`);
  return EXIT_OK;
}

/** The options --to and --map-plan set, or why they cannot be used. */
function replayOptions(values: Readonly<Record<string, OptionValue>>): ScenarioReplayOptions | string {
  const toText = stringOption(values, 'to');
  let toMs: number | null = null;
  if (toText !== undefined) {
    const parsed = parseTimeText(toText);
    if (!parsed.ok) return `--to: ${parsed.reason}`;
    toMs = parsed.ms;
  }
  const planMapping = new Map<string, string>();
  for (const text of stringListOption(values, 'map-plan')) {
    const equals = text.indexOf('=');
    const from = equals < 0 ? '' : text.slice(0, equals);
    if (from === '') return `--map-plan expects FROM=TO with FROM a plan key; got "${text}"`;
    if (planMapping.has(from)) return `--map-plan maps plan "${from}" twice; give each plan one mapping`;
    planMapping.set(from, text.slice(equals + 1));
  }
  return { toMs, planMapping };
}

/** The version id a reference names, or why it names none. */
function versionId(workbook: Workbook, reference: string): number | string {
  const parsed = parseVersionReference(reference);
  if (parsed === null) return `expects a book as ID or ID@N with N a version number; got "${reference}"`;
  const version = readPriceBookVersion(workbook, parsed.bookId, parsed.versionNumber);
  return version.ok ? version.value.versionId : `${version.problem.message} [${version.problem.code}]`;
}

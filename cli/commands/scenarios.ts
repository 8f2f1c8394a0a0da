// `scenarios list` and `scenarios build NAME [--size small|medium|large] [--seed N] --out W`: the built-in
// businesses, and one of them written into a workbook as its price book versions, a generated usage dataset and a
// scenario comparing the baseline with the candidates. Any other `scenarios …` line is the workbook's own scenarios
// command (`scenarios --workbook W`), so both live under one name.
// A build either adds everything or leaves the workbook file as it was: nothing is saved until every part is in.

import { findDatasetByName } from '../../core/workbook/repositories/datasets';
import { findScenarioByName } from '../../core/workbook/repositories/scenarios';
import { buildBuiltInScenario, builtInScenarioName } from '../../scenarios/build-into-workbook';
import { findScenario, SCENARIO_CATALOG, type ScenarioCatalogEntry } from '../../scenarios/catalog';
import { loadScenarioBooks } from '../../scenarios/scenario-books';
import { defaultScenarioSeed } from '../../scenarios/scenario-dataset';
import { isScenarioSize, SCENARIO_SIZE_COUNTS, SCENARIO_SIZES, type ScenarioSize } from '../../scenarios/scenario-size';
import { formatCommandHelp, parseCommandArgs, stringOption, type CommandSpec } from '../args';
import { EXIT_OK, EXIT_USAGE, failWith, PROGRAM_NAME, type CliCommand, type CliIo } from '../cli-io';
import { openWorkbookFile, saveWorkbookFile } from '../file-store/workbook-file';

export const SCENARIOS_SUMMARY =
  'Lists the built-in scenarios or builds one into a workbook (list, build); with --workbook W, lists or adds the workbook’s own scenarios.';

export const SCENARIOS_LIST_SPEC: CommandSpec = {
  name: 'scenarios list',
  summary: 'Lists the built-in scenarios: nine businesses that price in credits, each with a baseline and candidate price books.',
  positionals: [],
  options: {},
};

export const SCENARIOS_BUILD_SPEC: CommandSpec = {
  name: 'scenarios build',
  summary:
    'Writes a built-in scenario into a workbook: its price books as versions, a generated usage history as a dataset, ' +
    'and a scenario comparing the baseline with the candidates.',
  positionals: ['NAME'],
  options: {
    size: {
      type: 'string',
      choices: SCENARIO_SIZES,
      valueName: 'SIZE',
      description: `The usage history's size; default small (${SCENARIO_SIZES.map(describeSize).join('; ')}).`,
    },
    seed: { type: 'string', valueName: 'N', description: "The generator's seed (0 to 4294967295); default the scenario's own." },
    out: { type: 'string', valueName: 'W', description: 'The workbook file; created when it does not exist, added to when it does.' },
  },
  notes: [
    `NAME is a slug from "${PROGRAM_NAME} scenarios list", e.g. ai-platform.`,
    'The same NAME, size and seed always give the same usage history.',
    'Exit status: 0 built, 2 bad arguments, unknown scenario, a name already in the workbook, or an unreadable or unwritable file.',
  ],
};

const MAX_SEED = 4_294_967_295;

function describeSize(size: ScenarioSize): string {
  const { customerCount, eventCount } = SCENARIO_SIZE_COUNTS[size];
  return `${size}: ${customerCount.toLocaleString('en-US')} customers, ${eventCount.toLocaleString('en-US')} events`;
}

/** Serves `scenarios list` and `scenarios build`; hands every other `scenarios` command line to the workbook's. */
export function withBuiltInScenarios(workbookScenarios: CliCommand): CliCommand {
  return async (argv, io) => {
    const [first, ...rest] = argv;
    if (first === 'list') return runScenariosList(rest, io);
    if (first === 'build') return runScenariosBuild(rest, io);
    // Plain --help shows both forms: this overview, then the workbook command's own help.
    if (argv.length === 1 && (first === '--help' || first === '-h')) io.stdout.write(overviewHelp());
    return workbookScenarios(argv, io);
  };
}

function overviewHelp(): string {
  return [
    `Usage: ${PROGRAM_NAME} scenarios list`,
    `       ${PROGRAM_NAME} scenarios build NAME [--size small|medium|large] [--seed N] --out W`,
    `       ${PROGRAM_NAME} scenarios --workbook W [--add NAME …]`,
    '',
    SCENARIOS_SUMMARY,
    `Run "${PROGRAM_NAME} scenarios list --help" or "${PROGRAM_NAME} scenarios build --help" for theirs; the workbook form follows.`,
    '',
    '',
  ].join('\n');
}

export async function runScenariosList(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(SCENARIOS_LIST_SPEC, argv);
  if (parsed.kind === 'help') {
    io.stdout.write(formatCommandHelp(PROGRAM_NAME, SCENARIOS_LIST_SPEC));
    return EXIT_OK;
  }
  if (parsed.kind === 'error') return failWith(io, SCENARIOS_LIST_SPEC.name, EXIT_USAGE, parsed.reason);
  const width = Math.max(...SCENARIO_CATALOG.map((entry) => entry.slug.length)) + 2;
  const lines = SCENARIO_CATALOG.flatMap((entry) => {
    const candidates = loadScenarioBooks(entry.slug)
      .filter((book) => book.role === 'candidate')
      .map((book) => book.name);
    return [
      `  ${entry.slug.padEnd(width)}${entry.name}${entry.isDefault ? ' (default)' : ''}: ${entry.creditBuys}`,
      `  ${' '.repeat(width)}baseline and ${candidates.length} candidates: ${candidates.join(', ')}`,
    ];
  });
  io.stdout.write(
    [
      'Built-in scenarios:',
      ...lines,
      '',
      `Sizes: ${SCENARIO_SIZES.map(describeSize).join('; ')}.`,
      `Build one into a workbook: ${PROGRAM_NAME} scenarios build NAME [--size SIZE] --out W`,
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}

export async function runScenariosBuild(argv: string[], io: CliIo): Promise<number> {
  const command = SCENARIOS_BUILD_SPEC.name;
  const parsed = parseCommandArgs(SCENARIOS_BUILD_SPEC, argv);
  if (parsed.kind === 'help') {
    io.stdout.write(formatCommandHelp(PROGRAM_NAME, SCENARIOS_BUILD_SPEC));
    return EXIT_OK;
  }
  const fail = (reason: string): number => failWith(io, command, EXIT_USAGE, reason);
  if (parsed.kind === 'error') return fail(parsed.reason);
  const entry = findScenario(parsed.positionals[0]);
  if (entry === null) return fail(`there is no built-in scenario "${parsed.positionals[0]}"; "${PROGRAM_NAME} scenarios list" shows them`);
  const sizeText = stringOption(parsed.values, 'size') ?? 'small';
  // The size passed the choices check; the guard only narrows the type.
  if (!isScenarioSize(sizeText)) throw new Error(`invariant: size ${sizeText} passed the choices check`);
  const seed = parseSeed(stringOption(parsed.values, 'seed'), entry);
  if (typeof seed === 'string') return fail(seed);
  const outPath = stringOption(parsed.values, 'out');
  if (outPath === undefined) return fail('needs --out W, the workbook to write the scenario into');

  const name = builtInScenarioName(entry, sizeText, seed);
  const file = await openWorkbookFile(io, command, outPath, { createIfMissing: true });
  if (!file.ok) return file.exitCode;
  const { workbook } = file;
  // Checked before any write, so a repeated build stops before adding book versions it would not use.
  if (findScenarioByName(workbook, name).ok) return fail(`${file.displayPath} already has a scenario named "${name}"; build another size or --seed`);
  if (findDatasetByName(workbook, name).ok) return fail(`${file.displayPath} already has a dataset named "${name}"; build another size or --seed`);

  const built = buildBuiltInScenario(workbook, entry, sizeText, Date.now(), seed);
  if (!built.ok) return fail(`${built.problem.message} [${built.problem.code}]`);
  const { versions } = built.value;
  const baseline = versions[0];

  const saveFailure = await saveWorkbookFile(io, command, file);
  if (saveFailure !== null) return saveFailure;
  const versionText = versions.map((version) => `v${version.versionNumber}`).join(', ');
  io.stdout.write(
    `built scenario "${name}" into ${file.displayPath}: price book ${baseline.bookId} ${versionText} (baseline first), ` +
      `dataset of ${built.value.customerCount.toLocaleString('en-US')} customers and ${built.value.eventCount.toLocaleString('en-US')} events\n`,
  );
  return EXIT_OK;
}

/** The seed as an unsigned 32-bit integer, the scenario's own when none is given, or why the text is not one. */
function parseSeed(text: string | undefined, entry: ScenarioCatalogEntry): number | string {
  if (text === undefined) return defaultScenarioSeed(entry.slug);
  const seed = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(seed) || seed > MAX_SEED) return `--seed must be a whole number from 0 to ${MAX_SEED}; got "${text}"`;
  return seed;
}

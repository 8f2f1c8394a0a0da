// `demo`: the built-in AI/ML platform sample, with no files needed: three price books (a baseline, a burn rebalance,
// an expiry/rollover change) replayed over a seeded synthetic year of usage, printed as the comparison table.
// `npm run demo` runs it, so it must succeed on any machine: its inputs are fixed and its books are checked by tests.

import { validatePriceBook } from '../../core/engine/price-book/validate';
import type { PriceBook } from '../../core/engine/price-book/model';
import { AI_PLATFORM_DEMO_BOOKS } from '../../scenarios/ai-platform/demo-books';
import { aiPlatformDemoUsageConfig } from '../../scenarios/ai-platform/demo-usage';
import { generateUsage } from '../../scenarios/generator/generate-usage';
import { CSV_SECTIONS } from '../../core/engine/report/report-csv';
import { booleanOption, formatCommandHelp, parseCommandArgs, stringOption, type CommandSpec } from '../args';
import { EXIT_OK, EXIT_USAGE, failWith, PROGRAM_NAME, type CliIo } from '../cli-io';
import { deliverOutput, REPORT_FORMATS, renderReports } from '../report-output';
import { replayBooks } from '../replay-books';

export const DEMO_SPEC: CommandSpec = {
  name: 'demo',
  summary:
    'Replays the built-in AI/ML platform sample (three price books, a seeded year of usage) and prints the ' +
    'comparison. Needs no files.',
  positionals: [],
  options: {
    format: { type: 'string', choices: REPORT_FORMATS, valueName: 'FORMAT', description: 'Output format; default table.' },
    section: {
      type: 'string',
      choices: CSV_SECTIONS,
      valueName: 'SECTION',
      description: 'The section a CSV holds (default features), or the only section a table shows.',
    },
    out: { type: 'string', valueName: 'FILE', description: 'Write the output to FILE (atomically) instead of stdout.' },
    progress: { type: 'boolean', description: 'Show progress on stderr even when it is not a terminal.' },
  },
  notes: ['The same sample gives the same output on every run and machine.'],
};

const DEMO_TOP_CUSTOMERS = 5;

export async function runDemo(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(DEMO_SPEC, argv);
  if (parsed.kind === 'help') {
    io.stdout.write(formatCommandHelp(PROGRAM_NAME, DEMO_SPEC));
    return EXIT_OK;
  }
  if (parsed.kind === 'error') return failWith(io, DEMO_SPEC.name, EXIT_USAGE, parsed.reason);
  const formatText = stringOption(parsed.values, 'format') ?? 'table';
  const format = REPORT_FORMATS.find((choice) => choice === formatText);
  if (format === undefined) throw new Error(`invariant: format ${formatText} passed the choices check`);
  const sectionText = stringOption(parsed.values, 'section');
  const section = CSV_SECTIONS.find((choice) => choice === sectionText);
  if (section !== undefined && format === 'json') {
    return failWith(io, DEMO_SPEC.name, EXIT_USAGE, '--section applies to table and csv output, not json');
  }

  const books = AI_PLATFORM_DEMO_BOOKS.map(demoBook);
  const dataset = generateUsage(aiPlatformDemoUsageConfig());
  const outcome = replayBooks(io, DEMO_SPEC.name, books, dataset, { baselineIndex: 0, progress: booleanOption(parsed.values, 'progress') });
  if (!outcome.ok) return outcome.exitCode;
  const body = renderReports(outcome.reports, { format, ...(section ? { section } : {}), topCustomers: DEMO_TOP_CUSTOMERS });
  const text = format === 'table' ? `${introduction(books)}\n${body}\n${closing()}` : body;
  return deliverOutput(io, DEMO_SPEC.name, text, stringOption(parsed.values, 'out'));
}

// The demo's books ship with the product; one that fails validation is a defect, not a user error.
function demoBook(input: unknown, index: number): PriceBook {
  const validation = validatePriceBook(input);
  if (!validation.ok || validation.book === null) {
    const first = validation.errors[0];
    throw new Error(`invariant: demo book ${index} is invalid: ${first?.path ?? ''} ${first?.message ?? ''}`);
  }
  return validation.book;
}

function introduction(books: readonly PriceBook[]): string {
  const [baseline, ...candidates] = books;
  return [
    'Credit Workbench demo: an AI/ML platform that sells credits for LLM tokens, inference calls, fine-tuning,',
    'embeddings and image generation, with Free, Pro, Team and Enterprise plans and credit packs.',
    `Baseline "${baseline.name}" against ${candidates.map((book) => `"${book.name}"`).join(' and ')}, over a seeded year of synthetic usage.`,
    '',
  ].join('\n');
}

function closing(): string {
  return [
    `Money is rounded to cents for display; "${PROGRAM_NAME} demo --format json" gives the exact figures.`,
    `Replay your own history: ${PROGRAM_NAME} replay --book BOOK.json --usage EVENTS.csv --customers CUSTOMERS.csv`,
    '',
  ].join('\n');
}

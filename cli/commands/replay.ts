// `replay --book A [--book B …] --usage EVENTS --customers CUSTOMERS`: replays a usage history against each book
// and prints the comparison (table), the reports (JSON) or one section (CSV). Every input is read and checked before
// the first replay, so a bad file costs no replay time.

import { resolve } from 'node:path';

import type { PriceBook } from '../../core/engine/price-book/model';
import { CSV_SECTIONS } from '../../core/engine/report/report-csv';
import { booleanOption, formatCommandHelp, parseCommandArgs, stringListOption, stringOption, type CommandSpec } from '../args';
import { loadValidPriceBook } from '../book-input';
import { EXIT_OK, EXIT_USAGE, failWith, PROGRAM_NAME, type CliIo } from '../cli-io';
import { deliverOutput, REPORT_FORMATS, renderReports } from '../report-output';
import { replayBooks, sharedFeatureKeys } from '../replay-books';
import { loadUsage } from '../usage-input';

export const REPLAY_SPEC: CommandSpec = {
  name: 'replay',
  summary:
    'Replays a usage history against one or more price books and compares them. Each book after the baseline ' +
    'is measured against it (bill change per customer).',
  positionals: [],
  options: {
    book: { type: 'string', multiple: true, valueName: 'FILE', description: 'A price book (JSON) to replay.' },
    usage: { type: 'string', valueName: 'EVENTS', description: 'Usage events: .csv, .ndjson or .jsonl (time, customer_id, feature, quantity).' },
    customers: { type: 'string', valueName: 'CUSTOMERS', description: 'Customers: .csv, .ndjson or .jsonl (customer_id, plan, start, end, segment).' },
    baseline: {
      type: 'string',
      valueName: 'FILE',
      description: 'The book the others are measured against; default the first --book. Replayed too if not a --book.',
    },
    format: { type: 'string', choices: REPORT_FORMATS, valueName: 'FORMAT', description: 'Output format; default table.' },
    section: {
      type: 'string',
      choices: CSV_SECTIONS,
      valueName: 'SECTION',
      description: 'The section a CSV holds (default features), or the only section a table shows.',
    },
    top: { type: 'string', valueName: 'N', description: 'Customers the table lists per book; default 10.' },
    out: { type: 'string', valueName: 'FILE', description: 'Write the output to FILE (atomically) instead of stdout.' },
    progress: { type: 'boolean', description: 'Show progress on stderr even when it is not a terminal.' },
  },
  notes: [
    'JSON output is { "reports": [...] }, one report per book in the order given; see docs/report-format.md.',
    'Exit status: 0 success, 1 invalid book or usage, 2 bad arguments or unreadable file.',
  ],
};

export async function runReplay(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(REPLAY_SPEC, argv);
  if (parsed.kind === 'help') {
    io.stdout.write(formatCommandHelp(PROGRAM_NAME, REPLAY_SPEC));
    return EXIT_OK;
  }
  const fail = (reason: string): number => failWith(io, REPLAY_SPEC.name, EXIT_USAGE, reason);
  if (parsed.kind === 'error') return fail(parsed.reason);
  const { values } = parsed;
  const bookPaths = stringListOption(values, 'book');
  const usagePath = stringOption(values, 'usage');
  const customersPath = stringOption(values, 'customers');
  if (bookPaths.length === 0) return fail('needs at least one --book');
  if (usagePath === undefined) return fail('needs --usage EVENTS');
  if (customersPath === undefined) return fail('needs --customers CUSTOMERS');
  // Both options were checked against their choices, so a find() only narrows the type.
  const formatText = stringOption(values, 'format') ?? 'table';
  const format = REPORT_FORMATS.find((choice) => choice === formatText);
  if (format === undefined) throw new Error(`invariant: format ${formatText} passed the choices check`);
  const sectionText = stringOption(values, 'section');
  const section = CSV_SECTIONS.find((choice) => choice === sectionText);
  if (section !== undefined && format === 'json') return fail('--section applies to table and csv output, not json');
  const topText = stringOption(values, 'top');
  const topCustomers = topText === undefined ? undefined : Number(topText);
  if (topCustomers !== undefined && !(Number.isSafeInteger(topCustomers) && topCustomers >= 0)) {
    return fail(`--top must be a whole number of customers; got "${topText}"`);
  }

  // The baseline is one of the --book files when it names the same file; otherwise it is replayed first, in addition.
  const baselinePath = stringOption(values, 'baseline') ?? bookPaths[0];
  const resolved = bookPaths.map((path) => resolve(io.cwd, path));
  const baselineAmongBooks = resolved.indexOf(resolve(io.cwd, baselinePath));
  const allPaths = baselineAmongBooks >= 0 ? bookPaths : [baselinePath, ...bookPaths];
  const books: PriceBook[] = [];
  for (const path of allPaths) {
    const loaded = await loadValidPriceBook(io, REPLAY_SPEC.name, path);
    if (!loaded.ok) return loaded.exitCode;
    books.push(loaded.book);
  }

  const knownFeatures = sharedFeatureKeys(books);
  const usage = await loadUsage(io, REPLAY_SPEC.name, {
    customers: customersPath,
    events: usagePath,
    ...(knownFeatures ? { knownFeatures } : {}),
  });
  if (!usage.ok) return usage.exitCode;

  const outcome = replayBooks(io, REPLAY_SPEC.name, books, usage.dataset, {
    baselineIndex: Math.max(baselineAmongBooks, 0),
    progress: booleanOption(values, 'progress'),
  });
  if (!outcome.ok) return outcome.exitCode;
  const text = renderReports(outcome.reports, {
    format,
    ...(section === undefined ? {} : { section }),
    ...(topCustomers === undefined ? {} : { topCustomers }),
  });
  return deliverOutput(io, REPLAY_SPEC.name, text, stringOption(values, 'out'));
}

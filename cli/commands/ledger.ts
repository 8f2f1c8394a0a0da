// `ledger --book A --usage EVENTS --customers CUSTOMERS --customer ID`: one customer's ledger under a book, entry
// by entry (grants, burns per grant, expiries, rollovers, overage charges, blocked events, voids) — the drill-down
// behind a figure in the report.

import { materialiseCustomerLedger } from '../../core/engine/replay/replay';
import { ReplayInputError } from '../../core/engine/replay/replay-error';
import { renderLedgerTable } from '../../core/engine/report/ledger-text-table';
import { formatCommandHelp, parseCommandArgs, stringOption, type CommandSpec } from '../args';
import { loadValidPriceBook } from '../book-input';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, failWith, PROGRAM_NAME, type CliIo } from '../cli-io';
import { deliverOutput } from '../report-output';
import { loadUsage } from '../usage-input';

const FORMATS = ['table', 'json'] as const;

export const LEDGER_SPEC: CommandSpec = {
  name: 'ledger',
  summary: "Shows one customer's ledger under a price book, entry by entry, with the balance after each.",
  positionals: [],
  options: {
    book: { type: 'string', valueName: 'FILE', description: 'The price book (JSON).' },
    usage: { type: 'string', valueName: 'EVENTS', description: 'Usage events: .csv, .ndjson or .jsonl.' },
    customers: { type: 'string', valueName: 'CUSTOMERS', description: 'Customers: .csv, .ndjson or .jsonl.' },
    customer: { type: 'string', valueName: 'ID', description: 'The customer whose ledger to show.' },
    format: { type: 'string', choices: FORMATS, valueName: 'FORMAT', description: 'table (default) or json (the entries).' },
    out: { type: 'string', valueName: 'FILE', description: 'Write the output to FILE (atomically) instead of stdout.' },
  },
  notes: ['Exit status: 0 success, 1 invalid book or usage or unknown customer, 2 bad arguments or unreadable file.'],
};

export async function runLedger(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(LEDGER_SPEC, argv);
  if (parsed.kind === 'help') {
    io.stdout.write(formatCommandHelp(PROGRAM_NAME, LEDGER_SPEC));
    return EXIT_OK;
  }
  const fail = (reason: string): number => failWith(io, LEDGER_SPEC.name, EXIT_USAGE, reason);
  if (parsed.kind === 'error') return fail(parsed.reason);
  const { values } = parsed;
  const bookPath = stringOption(values, 'book');
  const usagePath = stringOption(values, 'usage');
  const customersPath = stringOption(values, 'customers');
  const customerId = stringOption(values, 'customer');
  if (bookPath === undefined) return fail('needs --book FILE');
  if (usagePath === undefined) return fail('needs --usage EVENTS');
  if (customersPath === undefined) return fail('needs --customers CUSTOMERS');
  if (customerId === undefined) return fail('needs --customer ID');

  const loaded = await loadValidPriceBook(io, LEDGER_SPEC.name, bookPath);
  if (!loaded.ok) return loaded.exitCode;
  const book = loaded.book;
  const usage = await loadUsage(io, LEDGER_SPEC.name, { customers: customersPath, events: usagePath, knownFeatures: book.features.map((feature) => feature.key) });
  if (!usage.ok) return usage.exitCode;
  try {
    const entries = materialiseCustomerLedger(book, usage.dataset, customerId);
    const text =
      stringOption(values, 'format') === 'json'
        ? `${JSON.stringify({ customerId, book: { id: book.id, name: book.name }, creditDecimals: book.creditDecimals, currency: book.currency, entries }, null, 2)}\n`
        : `Ledger of ${customerId} under "${book.name}" (${entries.length} entries; credits in ${book.currency} book precision ${book.creditDecimals})\n\n${renderLedgerTable(entries, book.currency, book.creditDecimals)}`;
    return deliverOutput(io, LEDGER_SPEC.name, text, stringOption(values, 'out'));
  } catch (error) {
    if (error instanceof ReplayInputError) return failWith(io, LEDGER_SPEC.name, EXIT_INVALID, error.message);
    throw error;
  }
}

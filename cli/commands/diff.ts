// `diff A B`: what changed from price book A to price book B, one line per change with its JSON path, before and
// after, and the percent change of decimal amounts. A difference is a result, not a failure: exit 0 either way.

import { diffPriceBooks } from '../../core/engine/price-book/diff';
import { priceBookContentHash } from '../../core/engine/price-book/export';
import type { PriceBook } from '../../core/engine/price-book/model';
import { layoutTextTable } from '../../core/engine/report/report-text-table';
import { formatCommandHelp, parseCommandArgs, stringOption, type CommandSpec } from '../args';
import { loadValidPriceBook, plural } from '../book-input';
import { EXIT_OK, EXIT_USAGE, failWith, PROGRAM_NAME, type CliIo } from '../cli-io';

export const DIFF_SPEC: CommandSpec = {
  name: 'diff',
  summary: 'Lists what changed from price book A to price book B, with the percent change of each amount.',
  positionals: ['A', 'B'],
  options: {
    format: {
      type: 'string',
      choices: ['text', 'json'],
      valueName: 'FORMAT',
      description: 'text (a table of changes, the default) or json ({ before, after, changes }).',
    },
  },
  notes: ['Exit status: 0 compared (with or without changes), 1 a book has errors, 2 bad arguments or unreadable file.'],
};

export async function runDiff(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(DIFF_SPEC, argv);
  if (parsed.kind === 'help') {
    io.stdout.write(formatCommandHelp(PROGRAM_NAME, DIFF_SPEC));
    return EXIT_OK;
  }
  if (parsed.kind === 'error') return failWith(io, DIFF_SPEC.name, EXIT_USAGE, parsed.reason);
  const [beforePath, afterPath] = parsed.positionals;
  const before = await loadValidPriceBook(io, DIFF_SPEC.name, beforePath);
  if (!before.ok) return before.exitCode;
  const after = await loadValidPriceBook(io, DIFF_SPEC.name, afterPath);
  if (!after.ok) return after.exitCode;
  const { changes } = diffPriceBooks(before.book, after.book);
  if (stringOption(parsed.values, 'format') === 'json') {
    const document = { before: describeBook(before.book), after: describeBook(after.book), changes };
    io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    return EXIT_OK;
  }
  const heading = `${title(before.book)} → ${title(after.book)}: ${changes.length === 0 ? 'no changes' : plural(changes.length, 'change')}`;
  if (changes.length === 0) {
    io.stdout.write(`${heading}\n`);
    return EXIT_OK;
  }
  const table = layoutTextTable(
    [
      { header: 'Kind', align: 'left' },
      { header: 'Path', align: 'left' },
      { header: 'Change', align: 'left' },
    ],
    changes.map((change) => [change.kind, change.path, change.summary]),
  );
  io.stdout.write(`${heading}\n\n${table}\n`);
  return EXIT_OK;
}

function describeBook(book: PriceBook): { id: string; name: string; version: string | null; contentHash: string } {
  return { id: book.id, name: book.name, version: book.version ?? null, contentHash: priceBookContentHash(book) };
}

function title(book: PriceBook): string {
  return book.version === undefined ? `"${book.name}"` : `"${book.name}" (${book.version})`;
}

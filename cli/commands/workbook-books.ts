// `books --workbook W`: lists the workbook's price books (with the last export recorded by the workbench); `--add FILE [--note TEXT]` stores a valid book as its
// next version (an unchanged book adds none); `--history ID` lists a book's versions; `--show ID[@N]` prints one
// version's canonical JSON. Versions are never edited: every change is a new version.

import { listPriceBookExports } from '../../core/workbook/repositories/price-book-exports';
import { addPriceBookVersion, listPriceBooks, priceBookHistory, readPriceBookVersion } from '../../core/workbook/repositories/price-books';
import { formatCommandHelp, parseCommandArgs, stringOption, type CommandSpec } from '../args';
import { loadValidPriceBook, plural } from '../book-input';
import { EXIT_OK, EXIT_USAGE, failWith, PROGRAM_NAME, type CliIo } from '../cli-io';
import { openWorkbookFile, saveWorkbookFile } from '../file-store/workbook-file';
import { formatInstant, parseVersionReference, shortHash } from './workbook-text';

export const WORKBOOK_BOOKS_SPEC: CommandSpec = {
  name: 'books',
  summary: "Lists a workbook's price books, adds a book as a new version, or shows a book's history or one version.",
  positionals: [],
  options: {
    workbook: { type: 'string', valueName: 'W', description: 'The workbook file (created by --add when it does not exist).' },
    add: { type: 'string', valueName: 'FILE', description: 'Store this price book as the next version of the book with its id.' },
    note: { type: 'string', valueName: 'TEXT', description: 'With --add: what changed, kept with the version.' },
    history: { type: 'string', valueName: 'ID', description: "List every version of the book with this id, oldest first." },
    show: { type: 'string', valueName: 'ID[@N]', description: 'Print the canonical JSON of version N of the book (default its latest).' },
  },
  notes: ['Exit status: 0 success, 1 the book to add has errors, 2 bad arguments, unknown book or unreadable file.'],
};

export async function runWorkbookBooks(argv: string[], io: CliIo): Promise<number> {
  const command = WORKBOOK_BOOKS_SPEC.name;
  const parsed = parseCommandArgs(WORKBOOK_BOOKS_SPEC, argv);
  if (parsed.kind === 'help') {
    io.stdout.write(formatCommandHelp(PROGRAM_NAME, WORKBOOK_BOOKS_SPEC));
    return EXIT_OK;
  }
  const fail = (reason: string): number => failWith(io, command, EXIT_USAGE, reason);
  if (parsed.kind === 'error') return fail(parsed.reason);
  const { values } = parsed;
  const workbookPath = stringOption(values, 'workbook');
  if (workbookPath === undefined) return fail('needs --workbook W');
  const add = stringOption(values, 'add');
  const history = stringOption(values, 'history');
  const show = stringOption(values, 'show');
  if ([add, history, show].filter((value) => value !== undefined).length > 1) return fail('takes one of --add, --history and --show');
  if (stringOption(values, 'note') !== undefined && add === undefined) return fail('--note goes with --add');

  if (add !== undefined) {
    const loaded = await loadValidPriceBook(io, command, add);
    if (!loaded.ok) return loaded.exitCode;
    const file = await openWorkbookFile(io, command, workbookPath, { createIfMissing: true });
    if (!file.ok) return file.exitCode;
    const added = addPriceBookVersion(file.workbook, loaded.book, { createdAtMs: Date.now(), note: stringOption(values, 'note') ?? '' });
    if (!added.ok) return fail(`${added.problem.message} [${added.problem.code}]`);
    const { version, created } = added.value;
    if (!created) {
      io.stdout.write(`unchanged: "${add}" is identical to ${version.bookId} v${version.versionNumber} (${shortHash(version.contentHash)}); no version added\n`);
      return EXIT_OK;
    }
    const saveFailure = await saveWorkbookFile(io, command, file);
    if (saveFailure !== null) return saveFailure;
    io.stdout.write(`added ${version.bookId} v${version.versionNumber} (${shortHash(version.contentHash)}) to ${file.displayPath}\n`);
    return EXIT_OK;
  }

  const file = await openWorkbookFile(io, command, workbookPath, { createIfMissing: false });
  if (!file.ok) return file.exitCode;
  if (history !== undefined) {
    const versions = priceBookHistory(file.workbook, history);
    if (!versions.ok) return fail(`${versions.problem.message} [${versions.problem.code}]`);
    for (const version of versions.value) {
      const note = version.note === '' ? '' : `  ${version.note}`;
      io.stdout.write(`v${version.versionNumber}  ${formatInstant(version.createdAtMs)}  ${shortHash(version.contentHash)}${note}\n`);
    }
    return EXIT_OK;
  }
  if (show !== undefined) {
    const reference = parseVersionReference(show);
    if (reference === null) return fail(`--show expects ID or ID@N with N a version number; got "${show}"`);
    const version = readPriceBookVersion(file.workbook, reference.bookId, reference.versionNumber);
    if (!version.ok) return fail(`${version.problem.message} [${version.problem.code}]`);
    io.stdout.write(version.value.canonicalJson);
    io.stderr.write(`sha256 ${version.value.contentHash}\n`);
    return EXIT_OK;
  }
  const books = listPriceBooks(file.workbook);
  if (books.length === 0) io.stdout.write(`${file.displayPath} has no price books yet; add one with --add FILE\n`);
  for (const book of books) {
    const [lastExport] = listPriceBookExports(file.workbook, book.id, 1);
    const exported = lastExport === undefined ? '' : `; last exported ${formatInstant(lastExport.exportedAtMs)} ${shortHash(lastExport.contentHash)}`;
    io.stdout.write(
      `${book.id}  "${book.name}"  ${plural(book.versionCount, 'version')}, latest v${book.latest.versionNumber} ` +
        `${formatInstant(book.latest.createdAtMs)} ${shortHash(book.latest.contentHash)}${exported}\n`,
    );
  }
  return EXIT_OK;
}

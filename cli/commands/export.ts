// `export BOOK`: writes a valid price book as canonical JSON (stable key order, canonical decimals) and prints its
// content hash, the SHA-256 of the canonical book text. The same book always exports to the same bytes and hash.

import { exportEnvelope, exportPriceBook } from '../../core/engine/price-book/export';
import { booleanOption, formatCommandHelp, parseCommandArgs, stringOption, type CommandSpec } from '../args';
import { loadValidPriceBook } from '../book-input';
import { EXIT_OK, EXIT_USAGE, failWith, PROGRAM_NAME, type CliIo } from '../cli-io';
import { describeFileError, resolvePath } from '../input-files';

export const EXPORT_SPEC: CommandSpec = {
  name: 'export',
  summary:
    'Writes a valid price book as canonical JSON and prints its content hash (SHA-256 of the canonical book). ' +
    'Without --out the JSON goes to stdout and the hash to stderr.',
  positionals: ['BOOK'],
  options: {
    out: { type: 'string', valueName: 'FILE', description: 'Write the JSON to FILE (atomically) and print the hash on stdout.' },
    envelope: {
      type: 'boolean',
      description: 'Wrap the book as { format, schemaVersion, contentHash, book } so readers can recognise and check it.',
    },
  },
  notes: ['Exit status: 0 exported, 1 the book has errors, 2 bad arguments or unreadable file.'],
};

export async function runExport(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(EXPORT_SPEC, argv);
  if (parsed.kind === 'help') {
    io.stdout.write(formatCommandHelp(PROGRAM_NAME, EXPORT_SPEC));
    return EXIT_OK;
  }
  if (parsed.kind === 'error') return failWith(io, EXPORT_SPEC.name, EXIT_USAGE, parsed.reason);
  const loaded = await loadValidPriceBook(io, EXPORT_SPEC.name, parsed.positionals[0]);
  if (!loaded.ok) return loaded.exitCode;
  const exported = booleanOption(parsed.values, 'envelope') ? exportEnvelope(loaded.book) : exportPriceBook(loaded.book);
  if (!exported.ok) throw new Error('invariant: a validated price book failed export validation');
  const out = stringOption(parsed.values, 'out');
  if (out === undefined) {
    io.stdout.write(exported.json);
    io.stderr.write(`sha256 ${exported.contentHash}\n`);
    return EXIT_OK;
  }
  try {
    await io.writeFileAtomic(resolvePath(io, out), exported.json);
  } catch (error) {
    return failWith(io, EXPORT_SPEC.name, EXIT_USAGE, `cannot write "${out}": ${describeFileError(error)}`);
  }
  io.stdout.write(`sha256 ${exported.contentHash}  ${out}\n`);
  return EXIT_OK;
}

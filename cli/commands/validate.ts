// `validate BOOK`: reads a price book and lists its errors and warnings, each with its JSON path and a sentence.
// Exit 0 when the book has no errors (warnings allowed), 1 when it has errors, 2 when the file cannot be read.

import { formatCommandHelp, parseCommandArgs, stringOption, type CommandSpec } from '../args';
import { formatIssues, plural, readPriceBook } from '../book-input';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, failWith, PROGRAM_NAME, type CliIo } from '../cli-io';

export const VALIDATE_SPEC: CommandSpec = {
  name: 'validate',
  summary: 'Checks a price book and lists its errors and warnings, each with its JSON path.',
  positionals: ['BOOK'],
  options: {
    format: {
      type: 'string',
      choices: ['text', 'json'],
      valueName: 'FORMAT',
      description: 'text (one issue per line, the default) or json ({ ok, errors, warnings }).',
    },
  },
  notes: ['Exit status: 0 no errors (warnings allowed), 1 the book has errors, 2 bad arguments or unreadable file.'],
};

export async function runValidate(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(VALIDATE_SPEC, argv);
  if (parsed.kind === 'help') {
    io.stdout.write(formatCommandHelp(PROGRAM_NAME, VALIDATE_SPEC));
    return EXIT_OK;
  }
  if (parsed.kind === 'error') return failWith(io, VALIDATE_SPEC.name, EXIT_USAGE, parsed.reason);
  const [path] = parsed.positionals;
  const read = await readPriceBook(io, path);
  if (read.kind === 'unreadable') return failWith(io, VALIDATE_SPEC.name, EXIT_USAGE, read.reason);
  const { ok, errors, warnings } = read.validation;
  const summary = `${plural(errors.length, 'error')}, ${plural(warnings.length, 'warning')}`;
  if (stringOption(parsed.values, 'format') === 'json') {
    io.stdout.write(`${JSON.stringify({ ok, errors, warnings }, null, 2)}\n`);
  } else {
    io.stdout.write(formatIssues(read.validation));
    if (ok) io.stdout.write(`"${path}" is a valid price book (${summary})\n`);
  }
  if (!ok) return failWith(io, VALIDATE_SPEC.name, EXIT_INVALID, `"${path}" is not a valid price book: ${summary}`);
  return EXIT_OK;
}

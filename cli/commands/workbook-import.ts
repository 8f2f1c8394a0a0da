// `import --workbook W --events FILE [--customers FILE] [--name NAME]`: reads a usage history into a new dataset of
// the workbook (created when missing). Without --customers the events belong to the customers of the workbook's
// latest dataset (a later export of the same accounts). Every row is checked first; on any error nothing is written
// and each error is listed with its file, line and column.

import { basename, extname } from 'node:path';

import { importUsage, type UsageImportRequest } from '../../core/workbook/import-usage';
import { latestDataset } from '../../core/workbook/repositories/datasets';
import { formatCommandHelp, parseCommandArgs, stringOption, type CommandSpec } from '../args';
import { plural } from '../book-input';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, failWith, PROGRAM_NAME, type CliIo } from '../cli-io';
import { openWorkbookFile, saveWorkbookFile } from '../file-store/workbook-file';
import { describeFileError, resolvePath } from '../input-files';
import { describeTimeRange } from './workbook-text';

export const WORKBOOK_IMPORT_SPEC: CommandSpec = {
  name: 'import',
  summary: 'Imports a usage history (customers and events) into a workbook as a new dataset. Nothing is written unless every row is valid.',
  positionals: [],
  options: {
    workbook: { type: 'string', valueName: 'W', description: 'The workbook file; created when it does not exist.' },
    events: { type: 'string', valueName: 'FILE', description: 'Usage events: .csv, .ndjson or .jsonl (time, customer_id, feature, quantity).' },
    customers: {
      type: 'string',
      valueName: 'FILE',
      description:
        "Customers: .csv, .ndjson or .jsonl (customer_id, plan, start, end, segment); default the customers of the workbook's latest dataset.",
    },
    name: { type: 'string', valueName: 'NAME', description: "The dataset's name in the workbook; default the events file name without extension." },
  },
  notes: ['Exit status: 0 imported, 1 the files have errors (listed with file, line and column), 2 bad arguments or unreadable file.'],
};

export async function runWorkbookImport(argv: string[], io: CliIo): Promise<number> {
  const command = WORKBOOK_IMPORT_SPEC.name;
  const parsed = parseCommandArgs(WORKBOOK_IMPORT_SPEC, argv);
  if (parsed.kind === 'help') {
    io.stdout.write(formatCommandHelp(PROGRAM_NAME, WORKBOOK_IMPORT_SPEC));
    return EXIT_OK;
  }
  const fail = (reason: string): number => failWith(io, command, EXIT_USAGE, reason);
  if (parsed.kind === 'error') return fail(parsed.reason);
  const workbookPath = stringOption(parsed.values, 'workbook');
  const eventsPath = stringOption(parsed.values, 'events');
  const customersPath = stringOption(parsed.values, 'customers');
  if (workbookPath === undefined) return fail('needs --workbook W');
  if (eventsPath === undefined) return fail('needs --events FILE');
  const name = stringOption(parsed.values, 'name') ?? basename(eventsPath, extname(eventsPath));

  const eventsBytes = await readInput(io, eventsPath, 'usage file');
  if (typeof eventsBytes === 'string') return fail(eventsBytes);
  let customersFile: { bytes: Uint8Array; fileName: string } | null = null;
  if (customersPath !== undefined) {
    const bytes = await readInput(io, customersPath, 'customers file');
    if (typeof bytes === 'string') return fail(bytes);
    customersFile = { bytes, fileName: basename(customersPath) };
  }

  const file = await openWorkbookFile(io, command, workbookPath, { createIfMissing: true });
  if (!file.ok) return file.exitCode;
  const base = { name, eventsBytes, eventsFileName: basename(eventsPath), importedAtMs: Date.now() };
  let request: UsageImportRequest;
  // Where the customers came from, said beside the outcome whenever they did not come from --customers.
  let customersNote = '';
  if (customersFile !== null) {
    request = { ...base, customersBytes: customersFile.bytes, customersFileName: customersFile.fileName };
  } else {
    // The events reader checks every event against its customer's record (plan, start), so it needs a table.
    const source = latestDataset(file.workbook);
    if (source === null) return fail(`${file.displayPath} has no dataset yet to take customers from, so the first import needs --customers FILE`);
    customersNote = `customers from dataset #${source.id} "${source.name}" (${plural(source.customerCount, 'customer')}), the latest in ${file.displayPath}\n`;
    request = { ...base, customersFromDatasetId: source.id };
  }
  const imported = importUsage(file.workbook, request);
  if (!imported.ok) {
    io.stderr.write(customersNote);
    for (const issue of imported.errors) io.stderr.write(`error   ${issue.message} [${issue.code}]\n`);
    const unlisted = imported.errorCount - imported.errors.length;
    if (unlisted > 0) io.stderr.write(`… and ${plural(unlisted, 'more error')}\n`);
    const exitCode = imported.errorCount > 0 ? EXIT_INVALID : EXIT_USAGE;
    return failWith(io, command, exitCode, `${imported.problem.message} [${imported.problem.code}]`);
  }
  const saveFailure = await saveWorkbookFile(io, command, file);
  if (saveFailure !== null) return saveFailure;
  const { dataset } = imported;
  io.stdout.write(
    `${customersNote}imported ${plural(dataset.eventCount, 'event')} of ${plural(dataset.customerCount, 'customer')} ` +
      `(${describeTimeRange(dataset.firstEventMs, dataset.lastEventMs)}) as dataset "${dataset.name}" into ${file.displayPath}\n`,
  );
  return EXIT_OK;
}

/** The file's bytes, or the reason they could not be read. */
async function readInput(io: CliIo, path: string, what: string): Promise<Uint8Array | string> {
  try {
    return await io.readFile(resolvePath(io, path));
  } catch (error) {
    return `cannot read ${what} "${path}": ${describeFileError(error)}`;
  }
}

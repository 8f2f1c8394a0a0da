// The command registry and dispatcher: the first argument names a command, the rest is that command's. Commands are
// looked up here only, so adding one is one line below; run as a script (tsx cli/main.ts …) it serves the process.

import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

import { ENGINE_VERSION } from '../core/engine/version';
import { EXIT_OK, EXIT_USAGE, PROGRAM_NAME, type CliCommand, type CliIo } from './cli-io';
import { DEMO_SPEC, runDemo } from './commands/demo';
import { DIFF_SPEC, runDiff } from './commands/diff';
import { EXPORT_SPEC, runExport } from './commands/export';
import { LEDGER_SPEC, runLedger } from './commands/ledger';
import { REPLAY_SPEC, runReplay } from './commands/replay';
import { runValidate, VALIDATE_SPEC } from './commands/validate';
import { WORKBOOK_COMMANDS, withWorkbookReplay } from './commands/workbook-commands';
import { SCENARIOS_SUMMARY, withBuiltInScenarios } from './commands/scenarios';

export interface RegisteredCommand {
  /** One line for the command list. */
  summary: string;
  run: CliCommand;
}

export const commands: Readonly<Record<string, RegisteredCommand>> = {
  validate: { summary: VALIDATE_SPEC.summary, run: runValidate },
  replay: { summary: REPLAY_SPEC.summary, run: withWorkbookReplay(runReplay) },
  export: { summary: EXPORT_SPEC.summary, run: runExport },
  diff: { summary: DIFF_SPEC.summary, run: runDiff },
  demo: { summary: DEMO_SPEC.summary, run: runDemo },
  ledger: { summary: LEDGER_SPEC.summary, run: runLedger },
  ...WORKBOOK_COMMANDS,
  scenarios: { summary: SCENARIOS_SUMMARY, run: withBuiltInScenarios(WORKBOOK_COMMANDS.scenarios.run) },
};

export function formatUsage(): string {
  const names = Object.keys(commands);
  const width = Math.max(...names.map((name) => name.length)) + 2;
  const list = names.map((name) => `  ${name.padEnd(width)}${firstSentence(commands[name].summary)}`);
  return [
    `Usage: ${PROGRAM_NAME} <command> [options]`,
    '',
    'Credit Workbench: replay usage history against credit price books and compare the outcome.',
    '',
    'Commands:',
    ...list,
    '',
    `Run "${PROGRAM_NAME} <command> --help" for a command's options.`,
    'Exit status: 0 success, 1 invalid input (validation errors), 2 bad arguments or unreadable input.',
    '',
  ].join('\n');
}

function firstSentence(text: string): string {
  const end = text.indexOf('. ');
  return end < 0 ? text : text.slice(0, end + 1);
}

/** Runs one command line; resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(formatUsage());
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${PROGRAM_NAME} (engine ${ENGINE_VERSION})\n`);
    return EXIT_OK;
  }
  if (name === undefined) {
    io.stderr.write(formatUsage());
    return EXIT_USAGE;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (command === undefined) {
    io.stderr.write(`${PROGRAM_NAME}: unknown command "${name}"\n\n${formatUsage()}`);
    return EXIT_USAGE;
  }
  return command.run(rest, io);
}

/** True when this module is the script node was started with (tsx cli/main.ts), not a module imported by another. */
function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === moduleUrl;
  } catch {
    // A script path that no longer resolves (node -e, a REPL) is not this file.
    return false;
  }
}

if (isEntryPoint(import.meta.url)) {
  const { runProcess } = await import('./node-io');
  await runProcess(runCli);
}

// Command-line arguments in, a typed result out: node:util parseArgs does the splitting, this module turns its
// throws into values, checks positional counts and allowed choices, and writes each command's --help from one spec.

import { parseArgs } from 'node:util';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** May be given more than once (--book A --book B). */
  multiple?: boolean;
  short?: string;
  /** The only values a string option accepts. */
  choices?: readonly string[];
  /** Placeholder in the help text: --usage EVENTS. */
  valueName?: string;
  description: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** Positional argument names, in order, as the help shows them (BOOK, A, B). */
  positionals: readonly string[];
  options: Readonly<Record<string, OptionSpec>>;
  /** Lines printed after the options: exit codes, examples. */
  notes?: readonly string[];
}

export type OptionValue = string | boolean | string[] | undefined;

export type ParsedArgs =
  | { kind: 'help' }
  | { kind: 'ok'; positionals: string[]; values: Readonly<Record<string, OptionValue>> }
  | { kind: 'error'; reason: string };

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', description: 'Show this help.' };

/** Parses argv against the spec; --help wins over every other mistake so a user can always ask for help. */
export function parseCommandArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {};
  for (const [name, option] of Object.entries(spec.options)) {
    options[name] = { type: option.type, multiple: option.multiple ?? false, ...(option.short ? { short: option.short } : {}) };
  }
  let parsed: { values: Record<string, OptionValue>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    return { kind: 'error', reason: describeParseError(error) };
  }
  const { values, positionals } = parsed;
  if (positionals.length !== spec.positionals.length) {
    const expected = spec.positionals.length === 0 ? 'no arguments' : spec.positionals.join(' ');
    const given = positionals.length === 0 ? 'none' : positionals.map((value) => `"${value}"`).join(' ');
    return { kind: 'error', reason: `expects ${expected}; got ${given}` };
  }
  for (const [name, option] of Object.entries(spec.options)) {
    const value = values[name];
    if (!option.choices || value === undefined) continue;
    const given = Array.isArray(value) ? value : [String(value)];
    const wrong = given.find((item) => !option.choices?.includes(item));
    if (wrong !== undefined) {
      return { kind: 'error', reason: `--${name} must be one of ${option.choices.join(', ')}; got "${wrong}"` };
    }
  }
  return { kind: 'ok', positionals, values };
}

// parseArgs throws TypeErrors whose messages name the option; keep only their first sentence.
function describeParseError(error: unknown): string {
  if (!(error instanceof Error)) throw error;
  const firstLine = error.message.split('\n')[0];
  return firstLine.replace(/\. To specify a positional argument.*$/, '').replace(/\.$/, '');
}

export function stringOption(values: Readonly<Record<string, OptionValue>>, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function stringListOption(values: Readonly<Record<string, OptionValue>>, name: string): string[] {
  const value = values[name];
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? [value] : [];
}

export function booleanOption(values: Readonly<Record<string, OptionValue>>, name: string): boolean {
  return values[name] === true;
}

/** The help text of one command, from its spec. */
export function formatCommandHelp(programName: string, spec: CommandSpec): string {
  const optionSpecs: [string, OptionSpec][] = [...Object.entries(spec.options), ['help', HELP_OPTION]];
  const usageOptions = Object.keys(spec.options).length > 0 ? ' [options]' : '';
  const usagePositionals = spec.positionals.map((name) => ` ${name}`).join('');
  const labels = optionSpecs.map(([name, option]) => {
    const short = option.short ? `-${option.short}, ` : '';
    const value = option.type === 'string' ? ` ${option.valueName ?? 'VALUE'}` : '';
    return `  ${short}--${name}${value}`;
  });
  const width = Math.max(...labels.map((label) => label.length)) + 2;
  const lines = optionSpecs.map(([, option], index) => {
    const choices = option.choices ? ` One of: ${option.choices.join(', ')}.` : '';
    const repeat = option.multiple ? ' May be repeated.' : '';
    return `${labels[index].padEnd(width)}${option.description}${choices}${repeat}`;
  });
  const notes = spec.notes && spec.notes.length > 0 ? ['', ...spec.notes] : [];
  return [
    `Usage: ${programName} ${spec.name}${usageOptions}${usagePositionals}`,
    '',
    spec.summary,
    '',
    'Options:',
    ...lines,
    ...notes,
    '',
  ].join('\n');
}

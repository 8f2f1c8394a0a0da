import { describe, expect, it } from 'vitest';

import {
  booleanOption,
  formatCommandHelp,
  parseCommandArgs,
  stringListOption,
  stringOption,
  type CommandSpec,
} from '../../cli/args';

const SPEC: CommandSpec = {
  name: 'replay',
  summary: 'Replays usage.',
  positionals: [],
  options: {
    book: { type: 'string', multiple: true, valueName: 'FILE', description: 'A price book.' },
    format: { type: 'string', choices: ['table', 'json', 'csv'], valueName: 'FORMAT', description: 'Output format.' },
    progress: { type: 'boolean', description: 'Show progress.' },
  },
  notes: ['Exit codes: 0 ok.'],
};

const POSITIONAL_SPEC: CommandSpec = { name: 'diff', summary: 'Compares.', positionals: ['A', 'B'], options: {} };

describe('command arguments', () => {
  it('collects repeated options in order and reads single ones', () => {
    const parsed = parseCommandArgs(SPEC, ['--book', 'a.json', '--format=csv', '--book', 'b.json', '--progress']);
    expect(parsed.kind).toBe('ok');
    if (parsed.kind !== 'ok') return;
    expect(stringListOption(parsed.values, 'book')).toEqual(['a.json', 'b.json']);
    expect(stringOption(parsed.values, 'format')).toBe('csv');
    expect(booleanOption(parsed.values, 'progress')).toBe(true);
    expect(stringOption(parsed.values, 'missing')).toBeUndefined();
    expect(stringListOption(parsed.values, 'missing')).toEqual([]);
  });

  it('refuses an unknown option with its name', () => {
    const parsed = parseCommandArgs(SPEC, ['--bok', 'a.json']);
    expect(parsed).toEqual({ kind: 'error', reason: expect.stringContaining("'--bok'") });
  });

  it('refuses a string option given without its value', () => {
    const parsed = parseCommandArgs(SPEC, ['--book']);
    expect(parsed.kind).toBe('error');
    if (parsed.kind === 'error') expect(parsed.reason).toContain('--book');
  });

  it('refuses a value outside the allowed choices', () => {
    expect(parseCommandArgs(SPEC, ['--format', 'xml'])).toEqual({
      kind: 'error',
      reason: '--format must be one of table, json, csv; got "xml"',
    });
  });

  it('checks the number of positional arguments', () => {
    expect(parseCommandArgs(POSITIONAL_SPEC, ['a.json'])).toEqual({
      kind: 'error',
      reason: 'expects A B; got "a.json"',
    });
    expect(parseCommandArgs(SPEC, ['stray'])).toEqual({ kind: 'error', reason: 'expects no arguments; got "stray"' });
    const parsed = parseCommandArgs(POSITIONAL_SPEC, ['a.json', 'b.json']);
    expect(parsed.kind === 'ok' && parsed.positionals).toEqual(['a.json', 'b.json']);
  });

  it('answers --help even when other arguments are wrong', () => {
    expect(parseCommandArgs(SPEC, ['--nonsense', '--help'])).toEqual({ kind: 'help' });
    expect(parseCommandArgs(POSITIONAL_SPEC, ['-h'])).toEqual({ kind: 'help' });
  });
});

describe('command help', () => {
  it('shows the usage line, every option with its value name and choices, and the notes', () => {
    const help = formatCommandHelp('credit-workbench', SPEC);
    expect(help.split('\n')[0]).toBe('Usage: credit-workbench replay [options]');
    expect(help).toMatch(/--book FILE\s+A price book\. May be repeated\./);
    expect(help).toMatch(/--format FORMAT\s+Output format\. One of: table, json, csv\./);
    expect(help).toMatch(/-h, --help\s+Show this help\./);
    expect(help).toContain('Exit codes: 0 ok.');
  });

  it('names the positional arguments', () => {
    expect(formatCommandHelp('credit-workbench', POSITIONAL_SPEC).split('\n')[0]).toBe('Usage: credit-workbench diff A B');
  });
});

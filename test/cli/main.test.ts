import { describe, expect, it } from 'vitest';

import { commands, runCli } from '../../cli/main';
import { BASELINE_TEXT } from './book-files';
import { memoryIo } from './memory-io';

describe('command dispatch', () => {
  it('registers validate, replay, export, diff and demo', () => {
    expect(Object.keys(commands)).toEqual(expect.arrayContaining(['validate', 'replay', 'export', 'diff', 'demo']));
  });

  it('runs the named command with the rest of the arguments', async () => {
    const io = memoryIo({ 'book.json': BASELINE_TEXT });
    expect(await runCli(['validate', 'book.json'], io)).toBe(0);
    expect(io.out()).toContain('is a valid price book');
  });

  it('refuses an unknown command with exit 2, one line and the usage on stderr', async () => {
    const io = memoryIo();
    expect(await runCli(['replya'], io)).toBe(2);
    expect(io.err().split('\n')[0]).toBe('credit-workbench: unknown command "replya"');
    expect(io.err()).toContain('Usage: credit-workbench <command> [options]');
    expect(io.out()).toBe('');
  });

  it('does not take inherited object keys for commands', async () => {
    const io = memoryIo();
    expect(await runCli(['toString'], io)).toBe(2);
    expect(io.err()).toContain('unknown command "toString"');
  });

  it('shows the usage with exit 2 when no command is given, and with exit 0 when asked', async () => {
    const none = memoryIo();
    expect(await runCli([], none)).toBe(2);
    expect(none.err()).toContain('Commands:');
    const help = memoryIo();
    expect(await runCli(['--help'], help)).toBe(0);
    for (const name of Object.keys(commands)) expect(help.out()).toMatch(new RegExp(`^  ${name}\\s+\\S`, 'm'));
  });

  it('gives every command its own --help', async () => {
    for (const name of Object.keys(commands)) {
      const io = memoryIo();
      expect(await runCli([name, '--help'], io)).toBe(0);
      expect(io.out()).toMatch(new RegExp(`^Usage: credit-workbench ${name}`));
    }
  });

  it('prints the version', async () => {
    const io = memoryIo();
    expect(await runCli(['--version'], io)).toBe(0);
    expect(io.out()).toMatch(/^credit-workbench \(engine \d+\.\d+\.\d+\)\n$/);
  });
});

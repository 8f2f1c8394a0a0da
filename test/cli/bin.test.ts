import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/credit-workbench.mjs', import.meta.url));
const BOOK = fileURLToPath(new URL('../../scenarios/ai-platform/books/baseline.json', import.meta.url));

describe('the credit-workbench bin', () => {
  it('runs commands from any working directory and sets the exit status', () => {
    const directory = mkdtempSync(join(tmpdir(), 'cw-bin-'));
    try {
      const exported = spawnSync(process.execPath, [BIN, 'export', BOOK, '--out', 'book.json'], { cwd: directory, encoding: 'utf8' });
      expect(exported.stderr).toBe('');
      expect(exported.status).toBe(0);
      expect(exported.stdout).toMatch(/^sha256 [0-9a-f]{64} {2}book\.json\n$/);
      expect(JSON.parse(readFileSync(join(directory, 'book.json'), 'utf8'))).toMatchObject({ id: 'ai-platform' });

      const unwritable = spawnSync(process.execPath, [BIN, 'export', BOOK, '--out', 'no-such-folder/book.json'], { cwd: directory, encoding: 'utf8' });
      expect(unwritable.status).toBe(2);
      expect(unwritable.stderr).toMatch(/^credit-workbench export: cannot write "no-such-folder\/book\.json": .*folder does not exist.*\n$/);

      const unknown = spawnSync(process.execPath, [BIN, 'nonsense'], { cwd: directory, encoding: 'utf8' });
      expect(unknown.status).toBe(2);
      expect(unknown.stderr.split('\n')[0]).toBe('credit-workbench: unknown command "nonsense"');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

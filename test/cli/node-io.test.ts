import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { writeFileAtomically } from '../../cli/node-io';

describe('atomic file writes', () => {
  let directory = '';
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'cw-atomic-'));
  });
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('replaces the whole file and leaves no temporary file behind', async () => {
    const path = join(directory, 'report.json');
    writeFileSync(path, 'old content that is longer than the new one');
    await writeFileAtomically(path, '{"reports":[]}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"reports":[]}\n');
    expect(readdirSync(directory)).toEqual(['report.json']);
  });

  it('writes bytes as given', async () => {
    const path = join(directory, 'bytes.bin');
    await writeFileAtomically(path, new Uint8Array([0, 255, 10]));
    expect([...readFileSync(path)]).toEqual([0, 255, 10]);
  });

  it('rejects when the folder does not exist and creates nothing', async () => {
    await expect(writeFileAtomically(join(directory, 'missing', 'x.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(directory)).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { loadSqlJs, sqlJsFileGrowthPatched } from '../../cli/file-store/sql-js-node';
import { withFasterFileGrowth } from '../../core/workbook/sql-js-file-growth';

const require = createRequire(import.meta.url);

describe('sql.js’s in-memory file growth', () => {
  test('the installed sql.js, Node and browser builds, has the growth step once, and it becomes growth by half', () => {
    for (const build of ['sql.js/dist/sql-wasm.js', 'sql.js/dist/sql-wasm-browser.js']) {
      const source = readFileSync(require.resolve(build), 'utf8');
      const { text, patched } = withFasterFileGrowth(source);
      expect(patched).toBe(true);
      expect(text.length).toBe(source.length - 2);
      expect(text).toMatch(/([A-Za-z_$][\w$]*)\*\(\1<1048576\?2:1\.5\)/);
      expect(text).not.toContain('<1048576?2:1.125)');
    }
  });

  test('source without the step, or with it twice, is left exactly as it was', () => {
    expect(withFasterFileGrowth('var a=1;')).toEqual({ text: 'var a=1;', patched: false });
    const twice = 'g=m*(m<1048576?2:1.125);h=k*(k<1048576?2:1.125);';
    expect(withFasterFileGrowth(twice)).toEqual({ text: twice, patched: false });
    // Another variable on each side is not the step.
    expect(withFasterFileGrowth('g=m*(k<1048576?2:1.125)').patched).toBe(false);
  });

  test('Node loads the edited sql.js, and a database in it works as before', async () => {
    const sqlJs = await loadSqlJs();
    expect(sqlJsFileGrowthPatched()).toBe(true);
    const database = new sqlJs.Database();
    database.run('CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB NOT NULL) STRICT');
    // Past 1 MB, so the file grows by the edited step several times.
    const body = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
    for (let i = 0; i < 4; i++) database.run('INSERT INTO t (body) VALUES (?)', [body]);
    const reopened = new sqlJs.Database(database.export());
    const rows = reopened.exec('SELECT length(body), body FROM t ORDER BY id')[0].values;
    expect(rows).toHaveLength(4);
    for (const [length, stored] of rows) {
      expect(length).toBe(body.length);
      expect(Buffer.compare(Buffer.from(stored as Uint8Array), Buffer.from(body))).toBe(0);
    }
  });
});

// sql.js keeps the open database as a file in Emscripten's in-memory filesystem, whose buffer, once past 1 MB, grows
// by an eighth at a time, copying the whole file into fresh memory on every growth: adding D bytes copies about 8 × D
// (measured: 75 MB of usage chunks cause 40 growths allocating 729 MB; recording a run of 16.5 MB into a 75 MB
// workbook froze the page about a second, nearly all of it in those copies and the page faults of the fresh arrays;
// SQLite itself writes each byte once). No sql.js API reaches that filesystem, so the loaders (cli/file-store for
// Node, a Vite transform for the page) apply this edit to sql.js's own source text: growth by half, which copies
// about 3 × D and leaves at most half the file's size unused. The expression is matched exactly; when a sql.js
// version writes it differently the text is left as it is (correct, only slower), and a test of the installed
// version says so.

/** The minified growth step of sql.js 1.16's MEMFS: `m*(m<1048576?2:1.125)` (names vary between its builds). */
const EIGHTH_GROWTH = /([A-Za-z_$][\w$]*)\*\(\1<1048576\?2:1\.125\)/g;

/** How the file grows once past 1 MB: by half. */
export const FILE_GROWTH_FACTOR = 1.5;

export interface PatchedSource {
  text: string;
  /** True when the growth step was found, exactly once, and replaced. */
  patched: boolean;
}

export function withFasterFileGrowth(source: string): PatchedSource {
  const matches = source.match(EIGHTH_GROWTH) ?? [];
  if (matches.length !== 1) return { text: source, patched: false };
  return { text: source.replace(EIGHTH_GROWTH, `$1*($1<1048576?2:${FILE_GROWTH_FACTOR})`), patched: true };
}

// Schema version 3: usage chunks may pack a column with patches (time_encoding and quantity_encoding 'patched-u8',
// 'patched-u16', 'patched-u32': narrow offsets, with the values that do not fit stored whole; see
// usage/column-codec.ts). No table changes: chunks written before keep their encodings and load as they did. The
// version is what tells a build that cannot read the new encodings to refuse the file as newer, with a sentence
// that says so, rather than call its usage damaged.

import type { Migration } from './migration';

export const MIGRATION_0003_PATCHED_CHUNK_ENCODINGS: Migration = {
  version: 3,
  name: 'patched-chunk-encodings',
  sql: `
-- Nothing to change in the tables: see the comment at the top of this file.
`,
};

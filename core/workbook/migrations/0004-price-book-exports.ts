// Schema version 4: a record of every price book export that left the app (a saved file, the clipboard), so "what
// changed since the copy that went out" survives a reload and reopening the workbook. Like price book versions, a
// record is written once and never changed or deleted: it says what was handed over, and that cannot be undone.

import type { Migration } from './migration';

export const MIGRATION_0004_PRICE_BOOK_EXPORTS: Migration = {
  version: 4,
  name: 'price-book-exports',
  sql: `
-- book_id is not a reference: the editor's draft of a book not yet stored can be exported too. version_id names the
-- stored version whose text was exported, NULL for a draft that matches none. book_json is the canonical text of the
-- book alone (never the envelope), whose SHA-256 is content_hash, so the next export can be diffed against it.
CREATE TABLE price_book_exports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  book_id TEXT NOT NULL,
  version_id INTEGER REFERENCES price_book_versions (id),
  content_hash TEXT NOT NULL CHECK (length(content_hash) = 64 AND content_hash NOT GLOB '*[^0-9a-f]*'),
  form TEXT NOT NULL CHECK (form IN ('book', 'envelope')),
  file_name TEXT NOT NULL,
  via TEXT NOT NULL CHECK (via IN ('clipboard', 'file')),
  book_json TEXT NOT NULL,
  exported_at_ms INTEGER NOT NULL
) STRICT;

CREATE INDEX price_book_exports_by_book ON price_book_exports (book_id, id);

CREATE TRIGGER price_book_exports_are_never_changed BEFORE UPDATE ON price_book_exports
BEGIN
  SELECT RAISE(ABORT, 'price book exports are never changed: an export that left the app stays recorded as it was');
END;

CREATE TRIGGER price_book_exports_are_never_deleted BEFORE DELETE ON price_book_exports
BEGIN
  SELECT RAISE(ABORT, 'price book exports are never deleted');
END;
`,
};

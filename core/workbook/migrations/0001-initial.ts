// Schema version 1: price books with immutable versions, and usage datasets stored as columnar chunks.
// Every table is STRICT so a value of the wrong type can never be stored; triggers refuse edits to history.

import { WORKBOOK_APPLICATION_ID } from '../schema-identity';
import type { Migration } from './migration';

export const MIGRATION_0001_INITIAL: Migration = {
  version: 1,
  name: 'initial',
  sql: `
PRAGMA application_id = ${WORKBOOK_APPLICATION_ID};

CREATE TABLE price_books (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE price_book_versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  book_id TEXT NOT NULL REFERENCES price_books (id),
  version_number INTEGER NOT NULL CHECK (version_number >= 1),
  canonical_json TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  note TEXT NOT NULL,
  UNIQUE (book_id, version_number)
) STRICT;

CREATE TRIGGER price_book_versions_are_never_changed BEFORE UPDATE ON price_book_versions
BEGIN
  SELECT RAISE(ABORT, 'price book versions are never changed: add a new version instead');
END;

CREATE TRIGGER price_book_versions_are_never_deleted BEFORE DELETE ON price_book_versions
BEGIN
  SELECT RAISE(ABORT, 'price book versions are never deleted');
END;

-- AUTOINCREMENT: a dataset id is never reused, so a run that names a dataset id names exactly that data.
CREATE TABLE datasets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  events_file_name TEXT NOT NULL,
  customers_file_name TEXT,
  customer_count INTEGER NOT NULL,
  event_count INTEGER NOT NULL,
  feature_count INTEGER NOT NULL,
  first_event_ms INTEGER,
  last_event_ms INTEGER,
  imported_at_ms INTEGER NOT NULL
) STRICT;

-- One row per dataset holding the customer table as columns (JSON string arrays, little-endian typed-array blobs):
-- reading a million customers back as rows through sql.js would cost more than reading all of their events.
CREATE TABLE dataset_customers (
  dataset_id INTEGER PRIMARY KEY REFERENCES datasets (id),
  ids_json TEXT NOT NULL,
  plan_keys_json TEXT NOT NULL,
  segments_json TEXT NOT NULL,
  start_ms BLOB NOT NULL,
  end_ms BLOB NOT NULL,
  event_start BLOB NOT NULL
) STRICT;

CREATE TABLE dataset_features (
  dataset_id INTEGER NOT NULL REFERENCES datasets (id),
  feature_index INTEGER NOT NULL,
  feature_key TEXT NOT NULL,
  PRIMARY KEY (dataset_id, feature_index)
) STRICT, WITHOUT ROWID;

-- Events in blocks of up to 65,536, one blob per column. value = base + stored * step, stored as u8/u16/u32,
-- or raw f64 (base 0, step 1) when the integers do not fit; times may instead be delta-u8/u16/u32, gaps from the
-- event before (see usage/delta-codec.ts). Customer indexes are not stored: events are sorted by customer, so
-- dataset_customers.event_start gives them back.
CREATE TABLE usage_chunks (
  dataset_id INTEGER NOT NULL REFERENCES datasets (id),
  chunk_index INTEGER NOT NULL,
  first_event INTEGER NOT NULL,
  event_count INTEGER NOT NULL,
  time_encoding TEXT NOT NULL,
  time_base_ms INTEGER NOT NULL,
  time_step_ms INTEGER NOT NULL,
  time_values BLOB NOT NULL,
  feature_encoding TEXT NOT NULL,
  feature_values BLOB NOT NULL,
  quantity_encoding TEXT NOT NULL,
  quantity_base_micros INTEGER NOT NULL,
  quantity_step_micros INTEGER NOT NULL,
  quantity_values BLOB NOT NULL,
  PRIMARY KEY (dataset_id, chunk_index)
) STRICT;

CREATE TRIGGER usage_chunks_are_never_changed BEFORE UPDATE ON usage_chunks
BEGIN
  SELECT RAISE(ABORT, 'stored usage is never changed: import a new dataset instead');
END;
`,
};

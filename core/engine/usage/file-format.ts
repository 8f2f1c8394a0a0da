// Which reader a usage or customers file needs: CSV or NDJSON, as the caller says or as the file name ends.

export type UsageFileFormat = 'csv' | 'ndjson';

/** 'csv' for .csv, 'ndjson' for .ndjson or .jsonl (any case); null when the name does not tell. */
export function formatFromFileName(fileName: string): UsageFileFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  return null;
}

/** The sentence for a file whose format is unknown. */
export const UNKNOWN_FORMAT_DETAIL =
  'cannot tell the format from the file name; name the file .csv, .ndjson or .jsonl, or choose the format.';

// A first look at a picked file, before anything is imported: its format, its columns (CSV header or the keys of
// the first NDJSON objects) and its first rows as text. Only the preview reads the file this way; the import itself
// goes through core's readers, which check every row.

import { formatFromFileName, type UsageFileFormat } from '../../../core/engine/usage/file-format';

export interface FilePreview {
  format: UsageFileFormat | null;
  columns: string[];
  /** The first rows, one cell per column (missing cells empty). */
  rows: string[][];
  /** Why the preview cannot show the file; null when it can. */
  problem: string | null;
}

/** Enough of the file for the first rows of any sensible file. */
const PREVIEW_BYTES = 64 * 1024;

/** Splits CSV text into records (RFC 4180 quoting, \n or \r\n), stopping after `limit` records. */
export function csvRecords(text: string, limit: number): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length && records.length < limit; i++) {
    const character = text[i];
    if (quoted) {
      if (character === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (character === ',') {
      record.push(field.trim());
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field.trim());
      if (!(record.length === 1 && record[0] === '')) records.push(record);
      record = [];
      field = '';
    } else field += character;
  }
  if (records.length < limit && (field !== '' || record.length > 0)) {
    record.push(field.trim());
    records.push(record);
  }
  return records;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function previewFile(bytes: Uint8Array, fileName: string, rowLimit = 10): FilePreview {
  const format = formatFromFileName(fileName);
  if (format === null) {
    return { format, columns: [], rows: [], problem: `"${fileName}" is neither .csv, .ndjson nor .jsonl, so its format cannot be told; rename the file.` };
  }
  const head = bytes.subarray(0, PREVIEW_BYTES);
  // A cut in the middle of a character only spoils the last, unfinished line, which is dropped below.
  const text = new TextDecoder('utf-8').decode(head).replace(/^\ufeff/, '');
  const complete = bytes.length <= PREVIEW_BYTES ? text : text.slice(0, Math.max(0, text.lastIndexOf('\n')));
  if (format === 'csv') {
    const [header = [], ...rows] = csvRecords(complete, rowLimit + 1);
    if (header.length === 0) return { format, columns: [], rows: [], problem: `"${fileName}" is empty.` };
    return { format, columns: header, rows: rows.map((row) => header.map((_, index) => row[index] ?? '')), problem: null };
  }
  const objects: Array<Record<string, unknown>> = [];
  for (const line of complete.split(/\r?\n/)) {
    if (objects.length >= rowLimit) break;
    if (line.trim() === '') continue;
    try {
      const parsed: unknown = JSON.parse(line);
      objects.push(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {});
    } catch {
      // The import names the line; the preview shows what it can.
      objects.push({});
    }
  }
  const columns = [...new Set(objects.flatMap((object) => Object.keys(object)))];
  if (columns.length === 0) return { format, columns: [], rows: [], problem: `"${fileName}" holds no JSON objects in its first lines.` };
  return { format, columns, rows: objects.map((object) => columns.map((column) => cellText(object[column]))), problem: null };
}

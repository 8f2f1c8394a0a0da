// The workbook's file name on the user's disk. `.cwb` ("Credit WorkBench") marks a workbook file everywhere: the
// browser's download and upload, and the desktop app's file association. The bytes are an SQLite database, so the
// media type is SQLite's; the extension, not the type, is what tells a workbook from any other SQLite file.

export const WORKBOOK_FILE_EXTENSION = '.cwb';

/** SQLite's registered media type. */
export const WORKBOOK_MEDIA_TYPE = 'application/vnd.sqlite3';

/** For an upload picker's `accept`: our extension first, and SQLite's media types for files saved under another name. */
export const WORKBOOK_UPLOAD_ACCEPT = `${WORKBOOK_FILE_EXTENSION},${WORKBOOK_MEDIA_TYPE},application/x-sqlite3`;

/** "credit-workbench-2026-11-01.cwb": the UTC day of `atMs`, so two downloads on one day share a name the browser numbers. */
export function workbookDownloadName(atMs: number): string {
  return `credit-workbench-${new Date(atMs).toISOString().slice(0, 10)}${WORKBOOK_FILE_EXTENSION}`;
}

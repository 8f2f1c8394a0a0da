// Hands bytes or text to the browser as a file download (CSV tables, PNG charts). The object URL is released only
// after the browser has had time to start reading it; releasing it at once cancels the download in some browsers.

const RELEASE_URL_AFTER_MS = 30_000;

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), RELEASE_URL_AFTER_MS);
}

export function downloadCsv(text: string, fileName: string): void {
  // A byte-order mark, so spreadsheet programs read the file as UTF-8 (names with accents, the minus sign).
  downloadBlob(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }), fileName);
}

/** A "data:image/png;base64,…" URL (what a chart gives) as a PNG download, without fetching it (the CSP forbids). */
export function downloadDataUrl(dataUrl: string, fileName: string): void {
  const comma = dataUrl.indexOf(',');
  const mediaType = /^data:([^;,]+)/.exec(dataUrl)?.[1] ?? 'application/octet-stream';
  const binary = atob(dataUrl.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  downloadBlob(new Blob([bytes], { type: mediaType }), fileName);
}

/** "effective-price-per-feature.csv" from a title: lower case, words joined by hyphens. */
export function exportFileName(title: string, extension: 'csv' | 'png'): string {
  const stem = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${stem === '' ? 'export' : stem}.${extension}`;
}

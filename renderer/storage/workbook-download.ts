// Hands the workbook's bytes to the browser as a file download. The object URL is released only after the browser
// has had time to start reading it; releasing it at once cancels the download in some browsers.

import { WORKBOOK_MEDIA_TYPE } from './workbook-file-name';

const RELEASE_URL_AFTER_MS = 30_000;

export function downloadWorkbook(bytes: Uint8Array, fileName: string, page: Document): void {
  // Copied into a buffer of its own: a Blob takes the view's bytes, and the workbook may change after this call.
  const blob = new Blob([new Uint8Array(bytes)], { type: WORKBOOK_MEDIA_TYPE });
  const url = URL.createObjectURL(blob);
  const link = page.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  page.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), RELEASE_URL_AFTER_MS);
}

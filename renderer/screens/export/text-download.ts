// Hands a text document (an exported price book) to the browser as a file download, UTF-8 encoded. The object URL
// is released only after the browser has had time to start reading it; releasing it at once cancels the download
// in some browsers.

const RELEASE_URL_AFTER_MS = 30_000;

export function downloadText(text: string, fileName: string, mediaType: string, page: Document): void {
  const blob = new Blob([text], { type: `${mediaType};charset=utf-8` });
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

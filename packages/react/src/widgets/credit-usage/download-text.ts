/**
 * Saves `text` as a file from memory: a Blob behind an object URL, clicked through an `<a download>`.
 * The API's export route needs the bearer token, so a plain link to it could not download; and nothing here
 * is inline script or style, so a strict Content Security Policy lets it run.
 */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  // Attached for the click: some browsers ignore clicks on links outside the document.
  document.body.append(link);
  link.click();
  link.remove();
  // A task later: revoking at once can cancel the download before the browser has read the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

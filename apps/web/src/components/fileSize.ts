const number = new Intl.NumberFormat('en-US');

/** A file's size as people read it: bytes under 1 KB, whole KB under 1 MB, MB with one decimal above. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${number.format(bytes)} bytes`;
  if (bytes < 1024 * 1024) return `${number.format(Math.ceil(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

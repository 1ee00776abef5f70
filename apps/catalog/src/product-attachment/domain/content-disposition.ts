/**
 * `Content-Disposition: inline` with the file's name: the plain `filename="…"` every browser reads (characters
 * outside printable ASCII replaced by `_`) and, when the name has any, RFC 6266's `filename*` in UTF-8 beside it.
 * The upload rules already keep quotes, backslashes and control characters out of names.
 */
export function inlineDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_');
  if (fallback === filename) return `inline; filename="${filename}"`;
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The file types catalog keeps, told from their first bytes (magic numbers), not from what the uploader claims.
 * One named rule per type, tried in order; the first whose signature the bytes carry names the type.
 */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const UPLOAD_TYPES = [...PHOTO_TYPES, 'application/pdf'] as const;
export type UploadType = (typeof UPLOAD_TYPES)[number];

/** A rule that recognises one type's signature, or says nothing. */
type Signature = (bytes: Uint8Array) => UploadType | undefined;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** JPEG: a start-of-image marker followed by another marker (FF D8 FF). */
const jpegStartOfImage: Signature = (bytes) => (startsWith(bytes, [0xff, 0xd8, 0xff]) ? 'image/jpeg' : undefined);

/** PNG: the eight-byte signature 89 'PNG' CR LF SUB LF. */
const pngSignature: Signature = (bytes) => (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) ? 'image/png' : undefined);

/** WebP: a RIFF container (bytes 0-3) whose form type (bytes 8-11) is WEBP. */
const webpRiffContainer: Signature = (bytes) =>
  startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8) ? 'image/webp' : undefined;

/** PDF: the header `%PDF-` at the very start (scanners and office suites write it there). */
const pdfHeader: Signature = (bytes) => (startsWith(bytes, ascii('%PDF-')) ? 'application/pdf' : undefined);

const SIGNATURES: readonly Signature[] = [jpegStartOfImage, pngSignature, webpRiffContainer, pdfHeader];

/** The type the bytes are, or undefined when they are none of the kept types. */
export function detectUploadType(bytes: Uint8Array): UploadType | undefined {
  for (const signature of SIGNATURES) {
    const type = signature(bytes);
    if (type) return type;
  }
  return undefined;
}

/** A Content-Type header as a bare lower-case media type (`image/PNG; q=1` is `image/png`), or '' when absent. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

import { detectUploadType, mediaTypeOf } from './content-type';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('upload type from the bytes', () => {
  it('recognises JPEG, PNG, WebP and PDF by their signatures', () => {
    expect(detectUploadType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'))).toBe('image/jpeg');
    expect(detectUploadType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'))).toBe('image/png');
    expect(detectUploadType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(detectUploadType(bytes('%PDF-1.7\n%'))).toBe('application/pdf');
  });

  it('refuses what only looks close: other RIFF files, a PDF header later in the file, a truncated signature, text, nothing', () => {
    expect(detectUploadType(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '))).toBeUndefined();
    expect(detectUploadType(bytes('junk%PDF-1.7'))).toBeUndefined();
    expect(detectUploadType(bytes([0x89], 'PNG', [0x0d, 0x0a]))).toBeUndefined();
    expect(detectUploadType(bytes([0xff, 0xd8]))).toBeUndefined();
    expect(detectUploadType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(detectUploadType(bytes('GIF89a'))).toBeUndefined();
    expect(detectUploadType(new Uint8Array())).toBeUndefined();
  });

  it('reads a Content-Type header as its bare media type', () => {
    expect(mediaTypeOf('Image/PNG; charset=binary')).toBe('image/png');
    expect(mediaTypeOf(' application/pdf ')).toBe('application/pdf');
    expect(mediaTypeOf(undefined)).toBe('');
  });
});

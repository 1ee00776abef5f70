import { attachmentChangeRefusal, LARGEST_ATTACHMENT, MAX_ATTACHMENTS_PER_PRODUCT, uploadRefusal, type Upload } from './upload-rules';
import { inlineDisposition } from './content-disposition';

const MB = 1024 * 1024;
const JPEG = [0xff, 0xd8, 0xff, 0xe0];
const PDF = [...'%PDF-1.7\n'].map((c) => c.charCodeAt(0));
/** A file of `size` bytes that starts with `signature`. */
const file = (signature: number[], size = 1000) => {
  const bytes = new Uint8Array(size);
  bytes.set(signature);
  return bytes;
};
const photo = (overrides: Partial<Upload> = {}): Upload => ({
  kind: 'photo',
  filename: 'keripik.jpg',
  declaredType: 'image/jpeg',
  bytes: file(JPEG),
  ...overrides,
});
const scan = (overrides: Partial<Upload> = {}): Upload => ({
  kind: 'certificate',
  filename: 'halal.pdf',
  certificate: 'HALAL',
  declaredType: 'application/pdf',
  bytes: file(PDF),
  ...overrides,
});
const code = (upload: Upload) => uploadRefusal(upload)?.code;

describe('upload rules', () => {
  it('keeps a JPEG photo and a PDF scan of a named certificate, or an image scan without one', () => {
    expect(uploadRefusal(photo())).toBeUndefined();
    expect(uploadRefusal(scan())).toBeUndefined();
    expect(uploadRefusal(scan({ certificate: undefined, declaredType: 'image/jpeg', bytes: file(JPEG) }))).toBeUndefined();
  });

  it('refuses an unknown kind, a bad file name and a certificate named on a photo or unknown, as broken rules naming the field', () => {
    expect(uploadRefusal(photo({ kind: 'video' }))).toMatchObject({ code: 'ATTACHMENT_KIND_INVALID', details: { field: 'kind' } });
    for (const filename of ['', '../etc/passwd', 'a\\b.jpg', 'say "hi".jpg', 'tab\there.jpg', ' lead.jpg', '..', 'x'.repeat(201)]) {
      expect(uploadRefusal(photo({ filename }))).toMatchObject({ code: 'ATTACHMENT_FILENAME_INVALID', details: { field: 'filename' } });
    }
    expect(code(photo({ filename: 'Foto produk – depan (1).jpg' }))).toBeUndefined();
    expect(uploadRefusal(photo({ certificate: 'HALAL' }))).toMatchObject({ code: 'ATTACHMENT_CERTIFICATE_INVALID' });
    expect(code(scan({ certificate: 'SNI' }))).toBe('ATTACHMENT_CERTIFICATE_INVALID');
  });

  it('refuses a type the kind does not take, naming the expected types: a PDF photo, a GIF, no Content-Type', () => {
    expect(uploadRefusal(photo({ declaredType: 'application/pdf', bytes: file(PDF) }))).toMatchObject({
      code: 'ATTACHMENT_TYPE_REFUSED',
      details: { expected: ['image/jpeg', 'image/png', 'image/webp'], declared: 'application/pdf' },
    });
    expect(code(photo({ declaredType: 'image/gif' }))).toBe('ATTACHMENT_TYPE_REFUSED');
    expect(uploadRefusal(scan({ declaredType: '' }))).toMatchObject({ details: { declared: null } });
  });

  it('refuses bytes that are not the claimed type, naming what they read as', () => {
    expect(uploadRefusal(photo({ declaredType: 'image/png' }))).toMatchObject({
      code: 'ATTACHMENT_TYPE_REFUSED',
      details: { expected: ['image/png'], detected: 'image/jpeg' },
    });
    expect(uploadRefusal(scan({ bytes: new TextEncoder().encode('<html>not a pdf</html>') }))).toMatchObject({
      code: 'ATTACHMENT_TYPE_REFUSED',
      details: { detected: null },
    });
  });

  it('limits images to 5 MB and PDFs to 10 MB, to the byte; an empty body is no file', () => {
    expect(code(photo({ bytes: file(JPEG, 5 * MB) }))).toBeUndefined();
    expect(uploadRefusal(photo({ bytes: file(JPEG, 5 * MB + 1) }))).toMatchObject({
      code: 'ATTACHMENT_TOO_LARGE',
      details: { max: 5 * MB, size: 5 * MB + 1 },
    });
    expect(code(scan({ declaredType: 'image/jpeg', bytes: file(JPEG, 5 * MB + 1) }))).toBe('ATTACHMENT_TOO_LARGE');
    expect(code(scan({ bytes: file(PDF, 10 * MB) }))).toBeUndefined();
    expect(code(scan({ bytes: file(PDF, 10 * MB + 1) }))).toBe('ATTACHMENT_TOO_LARGE');
    expect(LARGEST_ATTACHMENT).toBe(10 * MB);
    expect(code(photo({ bytes: new Uint8Array() }))).toBe('ATTACHMENT_EMPTY');
  });

  it('checks the parameters before the type and the type before the bytes', () => {
    expect(code(photo({ kind: 'video', filename: '', declaredType: 'text/plain' }))).toBe('ATTACHMENT_KIND_INVALID');
    expect(code(photo({ filename: '', declaredType: 'text/plain' }))).toBe('ATTACHMENT_FILENAME_INVALID');
    expect(code(photo({ declaredType: 'text/plain', bytes: file(JPEG, 6 * MB) }))).toBe('ATTACHMENT_TYPE_REFUSED');
    expect(code(photo({ declaredType: 'image/png', bytes: file(JPEG, 6 * MB) }))).toBe('ATTACHMENT_TOO_LARGE');
  });
});

describe('adding and removing files', () => {
  it('is allowed while the product is a draft or rejected, and refused as a conflict otherwise', () => {
    expect(attachmentChangeRefusal({ status: 'DRAFT', attachmentCount: 0, adding: true })).toBeUndefined();
    expect(attachmentChangeRefusal({ status: 'REJECTED', attachmentCount: 3, adding: false })).toBeUndefined();
    for (const status of ['SUBMITTED', 'APPROVED', 'SUSPENDED', 'DISCONTINUED'] as const) {
      expect(attachmentChangeRefusal({ status, attachmentCount: 0, adding: true })).toMatchObject({
        code: 'PRODUCT_NOT_EDITABLE',
        details: { current: status },
      });
    }
  });

  it('holds at most 20 files per product; removing one is always possible', () => {
    const full = { status: 'DRAFT' as const, attachmentCount: MAX_ATTACHMENTS_PER_PRODUCT };
    expect(attachmentChangeRefusal({ ...full, attachmentCount: 19, adding: true })).toBeUndefined();
    expect(attachmentChangeRefusal({ ...full, adding: true })).toMatchObject({ code: 'ATTACHMENT_LIMIT_REACHED' });
    expect(attachmentChangeRefusal({ ...full, adding: false })).toBeUndefined();
  });
});

describe('inline disposition', () => {
  it('names an ASCII file plainly, and adds the UTF-8 name beside an ASCII stand-in otherwise', () => {
    expect(inlineDisposition('halal (1).pdf')).toBe('inline; filename="halal (1).pdf"');
    expect(inlineDisposition('Foto – depan.jpg')).toBe(
      `inline; filename="Foto _ depan.jpg"; filename*=UTF-8''Foto%20%E2%80%93%20depan.jpg`,
    );
  });
});

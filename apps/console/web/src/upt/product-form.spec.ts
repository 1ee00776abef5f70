import type { Product } from '../product/product-fields';
import {
  ACCEPT,
  contentTypeOf,
  formatBytes,
  MAX_IMAGE_BYTES,
  MAX_PDF_BYTES,
  safeFilename,
  uploadProblem,
  uploadQuery,
} from './attachment-upload';
import {
  editableFields,
  emptyForm,
  formOf,
  formProblems,
  newCertificate,
  parseRupiah,
  priceChange,
  problemsFor,
  productBody,
  productChanges,
  type ProductFormValues,
} from './product-form';

const filled: ProductFormValues = {
  sku: ' krp-tempe-200 ',
  name: 'Keripik Tempe 200 g',
  description: 'Renyah, tanpa pengawet',
  category: 'food',
  unit: 'pack',
  price: 'Rp 18.500',
  shelfLifeDays: '90',
  certificates: [{ kind: 'PIRT', number: 'P-IRT No. 2063671010123-29', issuedOn: '2024-03-01' }],
};

const product: Product = {
  id: 'p-1',
  uptCode: 'LP-TGR-1',
  kanwilCode: 'KW-BANTEN',
  sku: 'KRP-TEMPE-200',
  name: 'Keripik Tempe 200 g',
  description: 'Renyah, tanpa pengawet',
  category: 'food',
  unit: 'pack',
  shelfLifeDays: 90,
  status: 'DRAFT',
  consignable: true,
  price: 18500,
  certificates: [{ kind: 'PIRT', number: 'P-IRT No. 2063671010123-29', issuedOn: '2024-03-01' }],
  createdAt: '2026-11-30T10:00:00Z',
  updatedAt: '2026-11-30T10:00:00Z',
};

describe("the UPT's product form", () => {
  it('reads rupiah as typed: dots, Rp, spaces', () => {
    expect(parseRupiah('Rp 18.500')).toBe(18500);
    expect(parseRupiah('18500')).toBe(18500);
    expect(parseRupiah('18,5')).toBeNull();
    expect(parseRupiah('')).toBeNull();
  });

  it('holds a filled product and sends it as the catalog takes it', () => {
    expect(formProblems(filled)).toEqual({});
    expect(productBody(filled)).toEqual({
      sku: 'KRP-TEMPE-200',
      name: 'Keripik Tempe 200 g',
      description: 'Renyah, tanpa pengawet',
      category: 'food',
      unit: 'pack',
      price: 18500,
      shelfLifeDays: 90,
      certificates: [{ kind: 'PIRT', number: 'P-IRT No. 2063671010123-29', issuedOn: '2024-03-01' }],
    });
    expect(productBody({ ...filled, shelfLifeDays: ' ' }).shelfLifeDays).toBeNull();
  });

  it("names each field the catalog would refuse, with the catalog's limits", () => {
    expect(formProblems(emptyForm())).toEqual({ sku: 'REQUIRED', name: 'REQUIRED', category: 'REQUIRED', price: 'REQUIRED' });
    expect(
      formProblems({
        ...filled,
        sku: 'A B',
        name: 'x'.repeat(201),
        price: '0',
        shelfLifeDays: '3651',
        certificates: [
          { kind: 'HALAL', number: 'ID123', issuedOn: '2026-02-30' },
          { kind: 'BPOM_MD', number: '', issuedOn: '' },
        ],
      }),
    ).toEqual({
      sku: 'SKU_FORMAT',
      name: 'TOO_LONG',
      price: 'PRICE_RANGE',
      shelfLifeDays: 'SHELF_LIFE_RANGE',
      'certificates.0.number': 'CERTIFICATE_NUMBER',
      'certificates.0.issuedOn': 'CERTIFICATE_DATE',
      'certificates.1.number': 'REQUIRED',
      'certificates.1.issuedOn': 'REQUIRED',
    });
    expect(formProblems({ ...filled, price: '1.000.000.001' }).price).toBe('PRICE_RANGE');
  });

  it('edits every field of a draft, only the description and certificates past it, nothing once discontinued', () => {
    expect(editableFields('DRAFT')).toContain('sku');
    expect(editableFields('APPROVED')).toEqual(['description', 'certificates']);
    expect(editableFields('DISCONTINUED')).toEqual([]);
    // a problem in a field that cannot change is not the clerk's to fix
    expect(problemsFor('APPROVED', { ...formOf(product), sku: 'a b' })).toEqual({});
  });

  it('sends only what changed, and only what the state lets change', () => {
    expect(formOf(product).price).toBe('18.500');
    expect(productChanges(product, formOf(product))).toEqual({});
    const halal = { kind: 'HALAL' as const, number: 'ID36110012345670126', issuedOn: '2026-11-01' };
    const edited = { ...formOf(product), price: '19.000', certificates: [...product.certificates, halal] };
    expect(productChanges(product, edited)).toEqual({ price: 19000, certificates: [...product.certificates, halal] });
    expect(productChanges({ ...product, status: 'APPROVED' }, edited)).toEqual({ certificates: [...product.certificates, halal] });
  });

  it('adds a certificate of a kind the product does not carry yet', () => {
    expect(newCertificate(filled.certificates)).toEqual({ kind: 'BPOM_MD', number: '', issuedOn: '' });
  });
});

describe('attachments before upload', () => {
  it('takes photos as JPEG, PNG or WebP up to 5 MB', () => {
    expect(uploadProblem('photo', { name: 'a.png', type: 'image/png', size: 1000 })).toBeUndefined();
    expect(uploadProblem('photo', { name: 'a.pdf', type: 'application/pdf', size: 1000 })).toEqual({
      code: 'TYPE',
      accepted: 'JPEG, PNG, WebP',
    });
    expect(uploadProblem('photo', { name: 'a.jpg', type: 'image/jpeg', size: MAX_IMAGE_BYTES + 1 })).toEqual({
      code: 'TOO_LARGE',
      limitBytes: MAX_IMAGE_BYTES,
    });
    expect(uploadProblem('photo', { name: 'a.jpg', type: 'image/jpeg', size: 0 })).toEqual({ code: 'EMPTY' });
  });

  it('takes certificate scans as a PDF up to 10 MB or an image up to 5 MB', () => {
    expect(uploadProblem('certificate', { name: 'p.pdf', type: 'application/pdf', size: MAX_PDF_BYTES })).toBeUndefined();
    expect(uploadProblem('certificate', { name: 'p.pdf', type: 'application/pdf', size: MAX_PDF_BYTES + 1 })?.code).toBe('TOO_LARGE');
    expect(uploadProblem('certificate', { name: 'p.webp', type: 'image/webp', size: MAX_IMAGE_BYTES + 1 })?.code).toBe('TOO_LARGE');
    expect(uploadProblem('certificate', { name: 'p.docx', type: '', size: 10 })?.code).toBe('TYPE');
    expect(ACCEPT.certificate).toBe('application/pdf,image/jpeg,image/png,image/webp');
  });

  it('falls back on the extension when the browser names no type', () => {
    expect(contentTypeOf({ name: 'SCAN.PDF', type: '', size: 1 })).toBe('application/pdf');
    expect(contentTypeOf({ name: 'foto.jpeg', type: '', size: 1 })).toBe('image/jpeg');
  });

  it('asks with the kind, the file name and the certificate it belongs to', () => {
    expect(uploadQuery('certificate', 'pirt scan.pdf', 'PIRT')).toBe('kind=certificate&filename=pirt+scan.pdf&certificate=PIRT');
    expect(uploadQuery('photo', 'depan.png', 'HALAL')).toBe('kind=photo&filename=depan.png');
  });

  it('names the file as the catalog keeps it: no slashes, quotes or control characters, at most 200 characters', () => {
    expect(safeFilename(' sertifikat "halal"/2026.pdf ', 'certificate')).toBe('sertifikat _halal__2026.pdf');
    expect(safeFilename('...', 'photo')).toBe('photo');
    const long = safeFilename(`${'a'.repeat(300)}.jpeg`, 'photo');
    expect(long).toHaveLength(200);
    expect(long.endsWith('a.jpeg')).toBe(true);
  });

  it('tells sizes in Indonesian figures', () => {
    expect(formatBytes(1_258_291)).toBe('1,2 MB');
    expect(formatBytes(348_160)).toBe('340 kB');
    expect(formatBytes(900)).toBe('900 B');
  });
});

describe('a price change', () => {
  const now = new Date('2026-11-30T10:00:00Z');
  it('takes effect now or from a later time, as an ISO time', () => {
    expect(priceChange(18500, '19.000', '', now)).toEqual({ body: { price: 19000 } });
    expect(priceChange(18500, '19.000', '2026-12-01T00:00:00Z', now)).toEqual({
      body: { price: 19000, effectiveFrom: '2026-12-01T00:00:00.000Z' },
    });
  });
  it('refuses a price out of range, the same price now, a past start or a time that is not one', () => {
    expect(priceChange(18500, '0', '', now)).toEqual({ problem: 'PRICE_RANGE' });
    expect(priceChange(18500, '18.500', '', now)).toEqual({ problem: 'PRICE_UNCHANGED' });
    expect(priceChange(18500, '19.000', '2026-11-29T00:00:00Z', now)).toEqual({ problem: 'WHEN_PAST' });
    expect(priceChange(18500, '19.000', 'kemarin', now)).toEqual({ problem: 'WHEN_INVALID' });
  });
});

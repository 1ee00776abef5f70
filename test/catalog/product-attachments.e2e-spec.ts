import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';
import { startServiceProcess, type RunningService } from '../../tools/service-process';
import { KANWILS, UPTS } from '../../tools/seed/reference-catalog';
import { cleanUp } from '../support/clean-up';
import { freePort } from '../support/free-port';
import { PrivateS3, S3MOCK_START_MS } from '../support/private-s3';
import { TestEnvironment } from '../support/test-environment';
import { bearer } from '../support/tokens';

const MB = 1024 * 1024;
const UPT = 'LP-TGR-1';
const OTHER_UPT = 'LPP-TGR';
const BUCKET = 'titipan-attachments';
const asUpt = bearer('catalog', 'upt', UPT);
const asOtherUpt = bearer('catalog', 'upt', OTHER_UPT);
const asCurator = bearer('catalog', 'curator', 'KW-BANTEN');
const asAdmin = bearer('catalog', 'admin');
const asVenue = bearer('catalog', 'venue', 'IMI-TGR-LOUNGE');

/** A real PNG of w×h pixels (pngjs). */
function png(width = 4, height = 3): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(0x7f);
  return PNG.sync.write(image);
}

/** A real one-page PDF (pdfkit), as a scanner's output would be. */
function pdf(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(text);
    doc.end();
  });
}

/** A JPEG's first bytes (start of image, JFIF marker) padded to `size`: what the type check reads. */
function jpeg(size = 2000): Buffer {
  const bytes = Buffer.alloc(size, 0x20);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]).copy(bytes);
  return bytes;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('product attachments', () => {
  let env: TestEnvironment;
  let s3: PrivateS3;
  let catalog: RunningService | undefined;
  let db: Client;

  const call = async (method: string, path: string, auth: string, body?: Buffer | string, contentType?: string) => {
    const response = await fetch(`${catalog!.url}${path}`, {
      method,
      headers: { authorization: auth, ...(contentType ? { 'content-type': contentType } : {}) },
      body,
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    let json: any;
    try {
      json = JSON.parse(bytes.toString());
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, bytes, json };
  };
  const upload = (productId: string, query: string, bytes: Buffer, contentType: string, auth = asUpt) =>
    call('POST', `/products/${productId}/attachments?${query}`, auth, bytes, contentType);
  const json = (method: string, path: string, auth: string, body?: object) =>
    call(method, path, auth, body === undefined ? undefined : JSON.stringify(body), 'application/json');

  let skuCount = 0;
  /** A draft food product of the UPT with a valid P-IRT and no halal certificate. */
  async function draft(uptAuth = asUpt): Promise<string> {
    skuCount += 1;
    const created = await json('POST', '/products', uptAuth, {
      sku: `KRP-ATT-${skuCount}`,
      name: `Keripik Tempe ${skuCount}`,
      category: 'food',
      unit: 'pack',
      price: 15000,
      shelfLifeDays: 90,
      certificates: [{ kind: 'PIRT', number: 'P-IRT No. 2063671010123-29', issuedOn: '2024-03-01' }],
    });
    expect(created.status).toBe(201);
    return created.json.id as string;
  }

  async function startCatalog(extra: Record<string, string> = {}): Promise<void> {
    await catalog?.stop();
    catalog = await startServiceProcess('catalog', { ...env.env('catalog', await freePort()), ...extra }, { timeoutMs: 120_000 });
  }

  beforeAll(async () => {
    env = await TestEnvironment.create();
    // S3Mock's start (a JVM) runs beside catalog's
    const s3Started = PrivateS3.start(BUCKET);
    await startCatalog();
    for (const kanwil of KANWILS) expect((await json('POST', '/kanwils', asAdmin, kanwil)).status).toBe(201);
    for (const upt of UPTS.filter((u) => [UPT, OTHER_UPT].includes(u.code))) {
      expect((await json('POST', '/upts', asAdmin, upt)).status).toBe(201);
    }
    const config = env.config('catalog');
    db = new Client({
      host: config.DB_HOST,
      port: config.DB_PORT,
      database: config.DB_NAME,
      user: config.DB_USER,
      password: config.DB_PASSWORD,
    });
    await db.connect();
    await db.query('SET search_path TO catalog');
    s3 = await s3Started;
  }, S3MOCK_START_MS + 180_000);

  afterAll(() => cleanUp([() => catalog?.stop(), () => s3?.dispose(), () => db?.end()], () => env?.dispose()));

  it('keeps a photo and a certificate scan of a draft, lists them, gives the same bytes back, and audits each change', async () => {
    const productId = await draft();
    const photo = png(8, 6);
    const added = await upload(productId, 'kind=photo&filename=Keripik%20depan.png', photo, 'image/png');
    expect(added.status).toBe(201);
    expect(added.json).toEqual({
      id: expect.any(String),
      productId,
      kind: 'photo',
      certificate: null,
      contentType: 'image/png',
      filename: 'Keripik depan.png',
      size: photo.length,
      sha256: sha256(photo),
      createdAt: expect.any(String),
    });
    const scanBytes = await pdf('Sertifikat P-IRT No. 2063671010123-29');
    const scan = await upload(
      productId,
      'kind=certificate&certificate=PIRT&filename=P-IRT%20%E2%80%93%202024.pdf',
      scanBytes,
      'application/pdf',
    );
    expect(scan.status).toBe(201);
    expect(scan.json).toMatchObject({
      kind: 'certificate',
      certificate: 'PIRT',
      contentType: 'application/pdf',
      filename: 'P-IRT – 2024.pdf',
    });

    // whoever may read the product reads its files: the curator, a venue
    const listed = await call('GET', `/products/${productId}/attachments`, asCurator);
    expect(listed.status).toBe(200);
    expect(listed.json.items.map((a: any) => a.id)).toEqual([added.json.id, scan.json.id]);
    const photoBack = await call('GET', `/products/${productId}/attachments/${added.json.id}/content`, asVenue);
    expect(photoBack.status).toBe(200);
    expect(photoBack.headers.get('content-type')).toBe('image/png');
    expect(photoBack.headers.get('content-disposition')).toBe('inline; filename="Keripik depan.png"');
    expect(photoBack.headers.get('etag')).toBe(`"${sha256(photo)}"`);
    expect(photoBack.bytes.equals(photo)).toBe(true);
    const scanBack = await call('GET', `/products/${productId}/attachments/${scan.json.id}/content`, asCurator);
    expect(scanBack.headers.get('content-type')).toBe('application/pdf');
    expect(scanBack.headers.get('content-disposition')).toBe(
      `inline; filename="P-IRT _ 2024.pdf"; filename*=UTF-8''P-IRT%20%E2%80%93%202024.pdf`,
    );
    expect(scanBack.bytes.equals(scanBytes)).toBe(true);

    // a retried upload (same bytes, same purpose) is the attachment already kept, not a second one
    const retried = await upload(productId, 'kind=photo&filename=Keripik%20depan.png', photo, 'image/png');
    expect(retried.status).toBe(201);
    expect(retried.json.id).toBe(added.json.id);
    expect((await call('GET', `/products/${productId}/attachments`, asUpt)).json.items).toHaveLength(2);

    // kept in Postgres by default: the bytes in catalog's own table
    const { rows } = await db.query(
      `SELECT a.storage, length(c.bytes) AS size FROM product_attachment a JOIN product_attachment_content c USING (storage_key) WHERE a.id = $1`,
      [scan.json.id],
    );
    expect(rows).toEqual([{ storage: 'postgres', size: scanBytes.length }]);

    const audit = await call('GET', `/audit?entity=product-attachment&id=${added.json.id}`, asAdmin);
    expect(audit.json.items).toEqual([
      expect.objectContaining({
        action: 'catalog.product-attachment.added',
        after: expect.objectContaining({ productId, kind: 'photo', sha256: sha256(photo), storage: 'postgres' }),
      }),
    ]);
    // the UPT's curators see it in their scope, another UPT does not
    expect((await call('GET', `/audit?entity=product-attachment&id=${added.json.id}`, asCurator)).json.items).toHaveLength(1);
    expect((await call('GET', `/audit?entity=product-attachment&id=${added.json.id}`, asOtherUpt)).json.code).toBe('OUT_OF_SCOPE');
  });

  it('refuses bytes that are not the claimed type, a type the kind does not take, and files over their limit', async () => {
    const productId = await draft();
    const pngClaimedJpeg = await upload(productId, 'kind=photo&filename=a.jpg', png(), 'image/jpeg');
    expect(pngClaimedJpeg.status).toBe(415);
    expect(pngClaimedJpeg.json).toMatchObject({
      code: 'ATTACHMENT_TYPE_REFUSED',
      details: { expected: ['image/jpeg'], detected: 'image/png' },
    });
    const htmlClaimedPdf = await upload(productId, 'kind=certificate&filename=a.pdf', Buffer.from('<html>…</html>'), 'application/pdf');
    expect(htmlClaimedPdf.json).toMatchObject({ code: 'ATTACHMENT_TYPE_REFUSED', details: { detected: null } });
    const pdfPhoto = await upload(productId, 'kind=photo&filename=a.pdf', await pdf('x'), 'application/pdf');
    expect(pdfPhoto.status).toBe(415);
    expect(pdfPhoto.json.details.expected).toEqual(['image/jpeg', 'image/png', 'image/webp']);
    const svg = await upload(productId, 'kind=photo&filename=a.svg', Buffer.from('<svg/>'), 'image/svg+xml');
    expect(svg.json.code).toBe('ATTACHMENT_TYPE_REFUSED');

    // images up to 5 MB, PDFs up to 10 MB, to the byte
    expect((await upload(productId, 'kind=photo&filename=max.jpg', jpeg(5 * MB), 'image/jpeg')).status).toBe(201);
    const overPhoto = await upload(productId, 'kind=photo&filename=big.jpg', jpeg(5 * MB + 1), 'image/jpeg');
    expect(overPhoto.status).toBe(413);
    expect(overPhoto.json).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', details: { max: 5 * MB, size: 5 * MB + 1 } });
    const bigPdf = Buffer.concat([await pdf('scan'), Buffer.alloc(8 * MB, 0x20)]);
    expect((await upload(productId, 'kind=certificate&filename=scan.pdf', bigPdf, 'application/pdf')).status).toBe(201);
    const overBody = await upload(productId, 'kind=certificate&filename=huge.pdf', Buffer.alloc(10 * MB + 1, 0x25), 'application/pdf');
    expect(overBody.status).toBe(413);
    expect(overBody.json).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', details: { max: 10 * MB } });
    // without a token nothing is read: the guard's 401 comes first
    const anonymous = await fetch(`${catalog!.url}/products/${productId}/attachments?kind=certificate&filename=a.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: Buffer.alloc(10 * MB + 1, 0x25),
    });
    expect(anonymous.status).toBe(401);
    // JSON keeps its own small limit
    const bigJson = await json('PATCH', `/products/${productId}`, asUpt, { description: 'x'.repeat(3 * MB) });
    expect(bigJson.status).toBe(413);
    expect(bigJson.json.code).toBe('PAYLOAD_TOO_LARGE');

    // bad parameters: 422 naming the field
    const badKind = await upload(productId, 'kind=video&filename=a.png', png(), 'image/png');
    expect(badKind.status).toBe(422);
    expect(badKind.json).toMatchObject({ code: 'ATTACHMENT_KIND_INVALID', details: { field: 'kind' } });
    const badName = await upload(productId, `kind=photo&filename=${encodeURIComponent('../../etc/passwd')}`, png(), 'image/png');
    expect(badName.status).toBe(422);
    expect(badName.json).toMatchObject({ code: 'ATTACHMENT_FILENAME_INVALID', details: { field: 'filename' } });
    const badCertificate = await upload(productId, 'kind=certificate&certificate=SNI&filename=a.png', png(), 'image/png');
    expect(badCertificate.json).toMatchObject({ code: 'ATTACHMENT_CERTIFICATE_INVALID', details: { field: 'certificate' } });
    expect((await call('GET', `/products/${productId}/attachments`, asUpt)).json.items).toHaveLength(2);
  });

  it("refuses another UPT's product, other roles, an unknown product, and a product past curation's start", async () => {
    const productId = await draft();
    const photo = png(5, 5);
    const otherUpt = await upload(productId, 'kind=photo&filename=a.png', photo, 'image/png', asOtherUpt);
    expect(otherUpt.status).toBe(403);
    expect(otherUpt.json.code).toBe('OUT_OF_SCOPE');
    expect((await upload(productId, 'kind=photo&filename=a.png', photo, 'image/png', asCurator)).status).toBe(403);
    const unknown = await upload('00000000-0000-4000-8000-000000000000', 'kind=photo&filename=a.png', photo, 'image/png');
    expect(unknown.status).toBe(404);
    expect(unknown.json.code).toBe('PRODUCT_NOT_FOUND');
    expect((await call('GET', '/products/00000000-0000-4000-8000-000000000000/attachments', asUpt)).json.code).toBe('PRODUCT_NOT_FOUND');

    const kept = await upload(productId, 'kind=photo&filename=a.png', photo, 'image/png');
    expect(kept.status).toBe(201);
    const removeByOther = await call('DELETE', `/products/${productId}/attachments/${kept.json.id}`, asOtherUpt);
    expect(removeByOther.status).toBe(403);

    // submitted: nothing added or removed while curators look at it
    expect((await json('POST', `/products/${productId}/submit`, asUpt)).status).toBe(200);
    const whileSubmitted = await upload(productId, 'kind=photo&filename=b.png', png(6, 6), 'image/png');
    expect(whileSubmitted.status).toBe(409);
    expect(whileSubmitted.json).toMatchObject({ code: 'PRODUCT_NOT_EDITABLE', details: { current: 'SUBMITTED' } });
    expect((await call('DELETE', `/products/${productId}/attachments/${kept.json.id}`, asUpt)).json.code).toBe('PRODUCT_NOT_EDITABLE');

    // rejected: the UPT fixes it, files included, before revising and submitting again
    const rejected = await json('POST', `/products/${productId}/reviews`, asCurator, {
      decision: 'REJECT',
      scores: { quality: 3, packaging: 2, compliance: 1, marketPotential: 3 },
      notes: 'Foto kemasan tidak jelas; sertifikat halal belum ada',
    });
    expect(rejected.status).toBe(201);
    const scan = await upload(productId, 'kind=certificate&certificate=HALAL&filename=halal.pdf', await pdf('Halal'), 'application/pdf');
    expect(scan.status).toBe(201);
  });

  it('removes a file and its bytes; a second removal finds nothing', async () => {
    const productId = await draft();
    const added = await upload(productId, 'kind=photo&filename=a.png', png(7, 7), 'image/png');
    const removed = await call('DELETE', `/products/${productId}/attachments/${added.json.id}`, asUpt);
    expect(removed.status).toBe(204);
    expect((await call('GET', `/products/${productId}/attachments`, asUpt)).json.items).toEqual([]);
    expect((await call('GET', `/products/${productId}/attachments/${added.json.id}/content`, asUpt)).json.code).toBe(
      'ATTACHMENT_NOT_FOUND',
    );
    expect((await db.query(`SELECT 1 FROM product_attachment_content WHERE storage_key LIKE $1`, [`%${added.json.id}`])).rows).toEqual([]);
    const again = await call('DELETE', `/products/${productId}/attachments/${added.json.id}`, asUpt);
    expect(again.status).toBe(404);
    const audit = await call('GET', `/audit?entity=product-attachment&id=${added.json.id}`, asAdmin);
    expect(audit.json.items.map((e: any) => e.action)).toEqual(['catalog.product-attachment.removed', 'catalog.product-attachment.added']);
  });

  it("gives the compliance rules' verdicts, the same an approval applies", async () => {
    const productId = await draft();
    const compliance = await call('GET', `/products/${productId}/compliance`, asCurator);
    expect(compliance.status).toBe(200);
    expect(compliance.json.productId).toBe(productId);
    expect(compliance.json.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const byRule = Object.fromEntries(compliance.json.verdicts.map((v: any) => [v.rule, v]));
    expect(byRule['food-beverage-izin-edar']).toMatchObject({ passed: true, severity: 'blocking' });
    expect(byRule['pirt-valid-5-years']).toMatchObject({ passed: true });
    // the clock says 2026 or later: halal is required of food
    expect(byRule['halal-from-2026-10-17']).toEqual({
      rule: 'halal-from-2026-10-17',
      passed: false,
      severity: 'blocking',
      message: 'food and beverage approved from 2026-10-17 need a halal certificate',
    });
    expect((await json('POST', `/products/${productId}/submit`, asUpt)).status).toBe(200);
    const approval = await json('POST', `/products/${productId}/reviews`, asCurator, {
      decision: 'APPROVE',
      scores: { quality: 4, packaging: 4, compliance: 4, marketPotential: 4 },
    });
    expect(approval.status).toBe(422);
    const failed = compliance.json.verdicts.filter((v: any) => !v.passed).map((v: any) => v.rule);
    expect(approval.json.details.violations.map((v: any) => v.rule)).toEqual(failed);
  });

  it('keeps new files in an S3-compatible store when set to, and still reads the ones kept in Postgres', async () => {
    const productId = await draft();
    const inPostgres = await upload(productId, 'kind=photo&filename=before.png', png(9, 9), 'image/png');
    expect(inPostgres.status).toBe(201);

    await startCatalog(s3.catalogEnv);
    const scanBytes = await pdf('Sertifikat halal ID36110012345670126');
    const inS3 = await upload(productId, 'kind=certificate&certificate=HALAL&filename=halal.pdf', scanBytes, 'application/pdf');
    expect(inS3.status).toBe(201);
    const client = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    });
    try {
      const key = `products/${productId}/${inS3.json.id}`;
      const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      expect(object.ContentType).toBe('application/pdf');
      expect(Buffer.from(await object.Body!.transformToByteArray()).equals(scanBytes)).toBe(true);
      expect((await db.query(`SELECT storage FROM product_attachment WHERE id = $1`, [inS3.json.id])).rows).toEqual([{ storage: 's3' }]);
      expect((await db.query(`SELECT 1 FROM product_attachment_content WHERE storage_key = $1`, [key])).rows).toEqual([]);

      const fromS3 = await call('GET', `/products/${productId}/attachments/${inS3.json.id}/content`, asCurator);
      expect(fromS3.headers.get('content-type')).toBe('application/pdf');
      expect(fromS3.bytes.equals(scanBytes)).toBe(true);
      const fromPostgres = await call('GET', `/products/${productId}/attachments/${inPostgres.json.id}/content`, asCurator);
      expect(fromPostgres.status).toBe(200);
      expect(fromPostgres.bytes.equals(png(9, 9))).toBe(true);

      expect((await call('DELETE', `/products/${productId}/attachments/${inS3.json.id}`, asUpt)).status).toBe(204);
      await expect(client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).rejects.toMatchObject({ name: 'NotFound' });

      // bytes gone from the store behind catalog's back: a clear 404, not a 500
      const lost = await upload(productId, 'kind=photo&filename=lost.png', png(3, 9), 'image/png');
      await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: `products/${productId}/${lost.json.id}` }));
      const missing = await call('GET', `/products/${productId}/attachments/${lost.json.id}/content`, asUpt);
      expect(missing.status).toBe(404);
      expect(missing.json.code).toBe('ATTACHMENT_CONTENT_MISSING');
    } finally {
      client.destroy();
    }
  });
});

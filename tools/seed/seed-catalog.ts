import { mintToken } from '@titipan/platform';
import { LOCAL } from '../local-settings';
import { KANWILS, PRODUCTS, UPTS, type SeedProduct } from './reference-catalog';

type Role = Parameters<typeof mintToken>[1]['role'];

/**
 * The reference products were curated before they are loaded: their approvals are recorded as decided on the
 * first day of the month eleven months back (WIB), within the year a late decision may be recorded in, so the
 * demo's and the tests' backdated months can dispatch them (consignment refuses a dispatch dated before its
 * product's approval).
 */
export function referenceDecidedOn(now: Date): string {
  const wib = new Date(now.getTime() + 7 * 3600_000);
  return new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth() - 11, 1)).toISOString().slice(0, 10);
}

export interface SeedReport {
  kanwils: number;
  upts: number;
  products: number;
  created: number;
  approved: number;
}

/**
 * Loads the reference Kanwil, UPTs and products through the catalog's own HTTP API (so every event
 * flows as in real use) and takes each product to APPROVED. Running it again changes nothing.
 */
export async function seedCatalog(catalogUrl: string, log: (line: string) => void = () => undefined): Promise<SeedReport> {
  const token = (role: Role, scope?: string) =>
    `Bearer ${mintToken(LOCAL.signingKey, { service: 'catalog', role, scope, sub: `seed-${role}${scope ? `@${scope}` : ''}`, expiresIn: '1h' })}`;
  const call = async (method: string, path: string, auth: string, body?: unknown) => {
    const response = await fetch(`${catalogUrl}${path}`, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json', 'x-correlation-id': 'seed-catalog' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json().catch(() => undefined);
    return { status: response.status, body: json as any };
  };
  const expectOk = (what: string, r: { status: number; body: any }, ok: number[] = [200, 201]) => {
    if (!ok.includes(r.status)) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const admin = token('admin');
  const report: SeedReport = { kanwils: KANWILS.length, upts: UPTS.length, products: PRODUCTS.length, created: 0, approved: 0 };

  for (const kanwil of KANWILS) expectOk(`Kanwil ${kanwil.code}`, await call('POST', '/kanwils', admin, kanwil), [201, 409]);
  for (const upt of UPTS) expectOk(`UPT ${upt.code}`, await call('POST', '/upts', admin, upt), [201, 409]);
  log(`${KANWILS.length} Kanwil and ${UPTS.length} UPTs registered`);

  for (const product of PRODUCTS) {
    const upt = token('upt', product.uptCode);
    const kanwilCode = UPTS.find((u) => u.code === product.uptCode)!.kanwilCode;
    const curator = token('curator', kanwilCode);
    let current = await findBySku(call, admin, product);
    if (!current) {
      const { uptCode: _, ...body } = product;
      current = expectOk(`create ${product.sku}`, await call('POST', '/products', upt, body));
      report.created++;
    }
    if (current.status === 'DRAFT') current = expectOk(`submit ${product.sku}`, await call('POST', `/products/${current.id}/submit`, upt));
    if (current.status === 'SUBMITTED') {
      const review = {
        decision: 'APPROVE',
        scores: { quality: 4, packaging: 4, compliance: 5, marketPotential: 4 },
        notes: 'seed: reference product',
        decidedOn: referenceDecidedOn(new Date()),
      };
      current = expectOk(`approve ${product.sku}`, await call('POST', `/products/${current.id}/reviews`, curator, review)).product;
      report.approved++;
    }
    log(`${product.uptCode.padEnd(12)} ${product.sku.padEnd(16)} ${current.status}${current.consignable ? '' : ' (not consignable)'}`);
  }
  return report;
}

async function findBySku(
  call: (method: string, path: string, auth: string) => Promise<{ status: number; body: any }>,
  auth: string,
  product: SeedProduct,
): Promise<any> {
  const found = await call('GET', `/products?upt=${product.uptCode}&sku=${product.sku}`, auth);
  return found.body?.items?.[0];
}

if (require.main === module) {
  const url = process.argv[2] ?? `http://127.0.0.1:${process.env.CATALOG_PORT ?? 3001}`;
  seedCatalog(url, (line) => console.log(line))
    .then((r) =>
      console.log(`seeded ${r.upts} UPTs and ${r.products} products at ${url} (${r.created} created, ${r.approved} approved this run)`),
    )
    .catch((error) => {
      console.error(error.message ?? error);
      process.exit(1);
    });
}

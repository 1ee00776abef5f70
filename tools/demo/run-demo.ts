import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { consoleSignIn, localIssuer } from '../identity/idp-settings';
import { seedCatalog } from '../seed/seed-catalog';
import { seedVenues, TANGERANG_LOUNGE } from '../seed/seed-venues';
import { ApiClient, caller, waitForConsumers, type Caller } from './api-client';
import { readInboxes, type DemoInbox } from './notices';
import { SignedInPeople, type DemoPeople } from './people';
import { runExhibition, waitForStatements, type DemoExhibition } from './run-exhibition';

export interface DemoUrls {
  catalog: string;
  consignment: string;
  reporting: string;
  /** Where the notification service answers; without it (or without signed-in people) no inbox is read. */
  notification?: string;
}

export interface DemoStatementRow {
  uptCode: string;
  status: string;
  sold: number;
  grossSales: number;
  discounts: number;
  shrinkageCharge: number;
  commission: number;
  proceeds: number;
  pnbp: number;
  premi: number;
  capital: number;
}

/** What the demo itself sent and saw accepted, per UPT: for a test to check statements against. */
export interface SentSales {
  units: number;
  gross: number;
  /** How far the accepted sales went below their list price. */
  discounts: number;
  /** Units the month-end count found missing, at their dispatch price: the venue bears them. */
  shrinkage: number;
}

export interface DemoResult {
  period: string;
  statements: DemoStatementRow[];
  /** Empty for UPTs whose month had already been run. */
  sent: Record<string, SentSales>;
  outputDir: string;
  files: string[];
  /** The PIPAS Banten edition run after the month, with its statements and report. */
  exhibition: DemoExhibition;
  /** Each signed-in person's inbox after the run; empty when people act with minted tokens (nobody to tell). */
  inboxes: DemoInbox[];
}

const LOUNGE = TANGERANG_LOUNGE.code;
const UPTS = ['LP-TGR-1', 'LPP-TGR', 'LPKA-TGR', 'RT-TGR-1'];
const DAY = 24 * 3600_000;
const rupiah = new Intl.NumberFormat('id-ID');

/** The previous calendar month in WIB, and a time in it (day d, hour h, WIB). */
function lastMonth(now: Date) {
  const wib = new Date(now.getTime() + 7 * 3600_000);
  const y = wib.getUTCMonth() === 0 ? wib.getUTCFullYear() - 1 : wib.getUTCFullYear();
  const m = wib.getUTCMonth() === 0 ? 12 : wib.getUTCMonth();
  const period = `${y}-${String(m).padStart(2, '0')}`;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const at = (day: number, hour: number) => new Date(Date.UTC(y, m - 1, day, hour - 7)).toISOString();
  return { period, days, at };
}

export interface DemoOptions {
  outputDir?: string;
  log?: (line: string) => void;
  /**
   * Where the people who act come from: signed in at the identity provider (the CLI's --sign-in), or, when
   * absent, tokens minted locally per role (what the tests use). Either way the set-up (the reference catalog,
   * the venue, the agreements, and the reads that find them) is done as a locally minted admin.
   */
  people?: DemoPeople;
}

/**
 * A month at the Tangerang Imigrasi lounge, driven only through the three services' HTTP APIs with a
 * token per actor. Safe to run again: whatever already happened is recognised and not done twice.
 */
export async function runDemo(urls: DemoUrls, options: DemoOptions = {}): Promise<DemoResult> {
  const log = options.log ?? (() => undefined);
  const catalog = new ApiClient('catalog', urls.catalog);
  const consignment = new ApiClient('consignment', urls.consignment);
  const reporting = new ApiClient('reporting', urls.reporting);
  // a person is asked for once their code exists at its owner (the account is checked against it)
  const acting = new Map<string, { role: string; scope?: string; caller: Caller }>();
  const person = async (role: 'upt' | 'curator' | 'venue' | 'ministry', scope?: string): Promise<Caller> => {
    if (!options.people) return caller(role, scope);
    const signedIn = await options.people.actor(role, scope);
    acting.set(`${role}:${scope ?? ''}`, { role, scope, caller: signedIn });
    return signedIn;
  };
  const admin = caller('admin');
  const { period, days, at } = lastMonth(new Date());

  log('1. Catalog: the Banten UPTs and their products, approved by the Kanwil curator');
  await seedCatalog(urls.catalog, (line) => log(`   ${line}`));

  log('2. Curation refuses a product without a halal certificate');
  const curator = await person('curator', 'KW-BANTEN');
  const upt1 = await person('upt', 'LP-TGR-1');
  const pisang = {
    sku: 'KRP-PISANG-100',
    name: 'Keripik Pisang 100 g',
    category: 'food',
    unit: 'pack',
    price: 12_000,
    shelfLifeDays: 60,
    certificates: [{ kind: 'PIRT', number: 'P-IRT No. 2063671010199-29', issuedOn: '2024-06-03' }],
  };
  let product = (await catalog.expect([200], 'GET', `/products?upt=LP-TGR-1&sku=${pisang.sku}`, admin)).items[0];
  product ??= await catalog.expect([201], 'POST', '/products', upt1, pisang);
  if (product.status === 'DRAFT') await catalog.expect([200], 'POST', `/products/${product.id}/submit`, upt1);
  const refused = await catalog.call('POST', `/products/${product.id}/reviews`, curator, {
    decision: 'APPROVE',
    scores: { quality: 4, packaging: 4, compliance: 2, marketPotential: 4 },
  });
  log(
    refused.status === 422
      ? `   refused: ${refused.body.code} (rule ${refused.body.details.rule}): ${refused.body.message}`
      : `   ${pisang.sku}: ${refused.body.code ?? refused.status}`,
  );

  log('3. Waiting for consignment and reporting to receive the catalog');
  await waitForConsumers('consignment', urls.consignment, ['product-replica', 'directory-replica']);

  log('4. Ministry sets the national proceeds split; the lounge and its agreements');
  const ministry = await person('ministry');
  const split = await reporting.call('POST', '/split-policies', ministry, {
    effectiveFrom: '2026-01-01',
    shares: [
      { name: 'PNBP', basisPoints: 1_500, legalReference: 'Kepmen M.01-PP.02.01/1990' },
      { name: 'PREMI', basisPoints: 5_000, legalReference: 'PP 32/1999 pasal 29' },
      { name: 'CAPITAL', basisPoints: 3_500, legalReference: 'Kepmen M.01-PP.02.01/1990' },
    ],
  });
  log(`   split 15/50/35: ${split.status === 201 ? 'set' : 'already set'}`);
  await seedVenues(urls.consignment);
  const lounge = await person('venue', LOUNGE);

  const sent: Record<string, SentSales> = {};
  for (const uptCode of UPTS) {
    const upt = await person('upt', uptCode);
    const products = (await catalog.expect([200], 'GET', `/products?upt=${uptCode}&status=APPROVED&limit=200`, admin)).items.filter(
      (p: any) => p.consignable,
    );
    let agreement = (await consignment.expect([200], 'GET', `/agreements?upt=${uptCode}&venue=${LOUNGE}&status=ACTIVE`, admin)).items[0];
    if (!agreement) {
      // a government lounge takes no commission; the consignment price is the catalog price; up to 10 % off with a reason;
      // the lounge bears goods lost in its care (the default)
      agreement = await consignment.expect([201], 'POST', '/agreements', admin, {
        uptCode,
        venueCode: LOUNGE,
        commissionBp: 0,
        maxDiscountBp: 1_000,
        validFrom: '2026-01-01',
        prices: products.map((p: any) => ({ productId: p.id, price: p.price })),
      });
      agreement = await consignment.expect([200], 'POST', `/agreements/${agreement.id}/activate`, admin);
    }
    const closed = (await consignment.expect([200], 'GET', `/agreements/${agreement.id}/periods`, admin)).items.some(
      (p: any) => p.period === period,
    );
    if (closed) {
      log(`   ${uptCode}: ${period} already closed, nothing to repeat`);
      continue;
    }
    sent[uptCode] = await runMonth({ consignment, uptCode, upt, lounge, agreementId: agreement.id, products, period, days, at, log });
  }

  log('6. Statements (issued when each close arrives and its control totals match)');
  const statements = await waitForStatements(reporting, ministry, period, LOUNGE, UPTS.length);
  for (const s of statements.filter((x: any) => x.status === 'ISSUED')) {
    await reporting.expect([201], 'POST', `/statements/${s.id}/payments`, lounge, {
      amount: s.figures.proceeds,
      paidOn: at(days, 10).slice(0, 10),
      transferReference: `TRF-${s.uptCode}-${period}`,
    });
  }
  const tangerang = (await waitForStatements(reporting, ministry, period, LOUNGE, UPTS.length)).find((s: any) => s.uptCode === 'LP-TGR-1');
  if (tangerang?.status === 'PAID') {
    await reporting.expect([201], 'POST', `/statements/${tangerang.id}/deposits`, upt1, {
      amount: tangerang.figures.split.find((p: any) => p.name === 'PNBP').amount,
      simponiBillingCode: `8${period.replace('-', '')}00000001`.slice(0, 15).padEnd(15, '0'),
      ntpn: 'DEMO0000NTPN0001',
      depositedOn: at(days, 12).slice(0, 10),
    });
  }
  const final = await waitForStatements(reporting, ministry, period, LOUNGE, UPTS.length);
  const rows = final.map(statementRow);
  printTable(rows, LOUNGE, period, log);

  log('7. Exports');
  const outputDir = resolve(options.outputDir ?? process.env.DEMO_OUTPUT ?? 'demo-output');
  mkdirSync(outputDir, { recursive: true });
  const files: string[] = [];
  for (const s of final) {
    for (const format of ['xlsx', 'pdf'] as const) {
      const file = join(outputDir, `statement-${s.uptCode}-${LOUNGE}-${period}.${format}`);
      writeFileSync(file, await reporting.download(`/statements/${s.id}/export?format=${format}`, ministry));
      files.push(file);
    }
  }
  const rollup = join(outputDir, `rollup-${period}-by-upt.xlsx`);
  writeFileSync(rollup, await reporting.download(`/reports/rollup?period=${period}&by=upt&format=xlsx`, ministry));
  files.push(rollup);
  log(`   ${files.length} files in ${outputDir}`);

  log('8. Exhibition: a PIPAS Banten edition with three Banten UPTs, settled per event period');
  const exhibition = await runExhibition({
    catalog,
    consignment,
    reporting,
    admin,
    organiser: ministry,
    reader: ministry,
    person: (role, scope) => person(role, scope),
    log,
  });
  printTable(exhibition.statements.map(statementRow), exhibition.venueCode, exhibition.period, log);
  const { totals, bestSellers, previous } = exhibition.report;
  log(
    `   report: ${totals.upts} UPTs, ${totals.sold} units, net sales ${rupiah.format(totals.netSales)}, proceeds ${rupiah.format(totals.proceeds)}, PNBP ${rupiah.format(totals.pnbp)}`,
  );
  log(`   best sellers: ${bestSellers.map((b: any) => `${b.sku} (${b.sold})`).join(', ')}`);
  log(
    previous
      ? `   against ${previous.name}: ${previous.change.sold >= 0 ? '+' : ''}${previous.change.sold} units`
      : '   first edition of the series',
  );

  let inboxes: DemoInbox[] = [];
  if (options.people && urls.notification) {
    log("9. Notices sent: each person's inbox at the notification service (and e-mail, where it has an SMTP server)");
    const issued = [
      ...final.map((s: any) => ({ ...s, venueCode: LOUNGE })),
      ...exhibition.statements.map((s: any) => ({ ...s, venueCode: exhibition.venueCode })),
    ];
    inboxes = await readInboxes(new ApiClient('notification', urls.notification), [...acting.values()], issued);
    for (const inbox of inboxes) {
      log(`   ${inbox.username} (${inbox.role}${inbox.scope ? ` of ${inbox.scope}` : ''}): ${inbox.notices.length} notices`);
      for (const n of inbox.notices) log(`     ${n.kind.padEnd(19)} ${n.title}`);
    }
    log(
      `   ${inboxes.reduce((sum, i) => sum + i.notices.length, 0)} notices to ${inboxes.filter((i) => i.notices.length > 0).length} people`,
    );
  } else {
    log('9. Notices: none read (people act with minted tokens, which the notification service does not know)');
  }
  return { period, statements: rows, sent, outputDir, files, exhibition, inboxes };
}

/** A statement's figures as the demo's table shows them. */
function statementRow(s: any): DemoStatementRow {
  const part = (name: string) => s.figures.split?.find((p: any) => p.name === name)?.amount ?? 0;
  return {
    uptCode: s.uptCode,
    status: s.status,
    sold: s.figures.totals.sold,
    grossSales: s.figures.totals.grossSales,
    discounts: s.figures.totals.discounts,
    shrinkageCharge: s.figures.totals.shrinkageCharge,
    commission: s.figures.commission,
    proceeds: s.figures.proceeds,
    pnbp: part('PNBP'),
    premi: part('PREMI'),
    capital: part('CAPITAL'),
  };
}

async function runMonth(args: {
  consignment: ApiClient;
  uptCode: string;
  upt: Caller;
  lounge: Caller;
  agreementId: string;
  products: any[];
  period: string;
  days: number;
  at: (day: number, hour: number) => string;
  log: (line: string) => void;
}) {
  const { consignment, uptCode, upt, lounge, agreementId, products, period, days, at, log } = args;
  log(`5. ${uptCode}: a month at the lounge (${period})`);
  const lots = products.map((p: any) => ({
    productId: p.id,
    sku: p.sku,
    lotCode: `${p.sku}-${period}`,
    quantity: p.sku.startsWith('PAVING') ? 300 : 40,
    expiryDate:
      p.shelfLifeDays === null
        ? undefined
        : new Date(Date.parse(at(1, 8)) + Math.max(p.shelfLifeDays, 45) * DAY).toISOString().slice(0, 10),
  }));
  const dispatch = await consignment.expect([201], 'POST', '/dispatches', upt, {
    agreementId,
    dispatchedAt: at(1, 8),
    lines: lots.map(({ productId, lotCode, expiryDate, quantity }) => ({ productId, lotCode, expiryDate, quantity })),
  });
  log(`   dispatched ${dispatch.number}: ${lots.map((l) => `${l.sku} × ${l.quantity}`).join(', ')}`);
  await consignment.expect([201], 'POST', `/dispatches/${dispatch.id}/receipt`, lounge, {
    receivedAt: at(1, 10),
    lines: lots.map((l, i) =>
      i === 0
        ? { lineNo: 1, accepted: l.quantity - 3, damaged: 2, short: 1, reason: 'dua kemasan rusak, satu kurang' }
        : { lineNo: i + 1, accepted: l.quantity, damaged: 0, short: 0 },
    ),
  });
  log(`   received with a discrepancy on ${lots[0].sku}: 2 damaged, 1 short`);

  let accepted = 0;
  let units = 0;
  let gross = 0;
  let discounts = 0;
  const priceOf = new Map(products.map((p: any) => [p.id, p.price as number]));
  type Line = {
    receiptNo: string;
    lineNo: number;
    productId: string;
    quantity: number;
    soldAt: string;
    unitPrice?: number;
    discountReason?: string;
  };
  const batchOf = (day: number): Line[] =>
    lots.flatMap((l, i) => {
      const quantity = (day * 7 + i * 3) % 3; // 0, 1 or 2 a day
      // on day 4 the first product goes 10 % off as a promotion, within the agreement's limit
      const promo = day === 4 && i === 0 ? { unitPrice: Math.ceil(priceOf.get(l.productId)! * 0.9), discountReason: 'PROMO' } : {};
      return quantity === 0
        ? []
        : [
            {
              receiptNo: `${uptCode}-${period}-${day}`,
              lineNo: i + 1,
              productId: l.productId,
              quantity,
              soldAt: at(day, 11 + (i % 8)),
              ...promo,
            },
          ];
    });
  for (let day = 2; day <= days - 2; day++) {
    const lines = batchOf(day);
    if (day === 10)
      lines.push({
        receiptNo: `${uptCode}-${period}-${day}`,
        lineNo: 99,
        productId: lots[0].productId,
        quantity: 9_999,
        soldAt: at(day, 15),
      });
    if (lines.length === 0) continue;
    const result = await consignment.expect([201], 'POST', '/sales/batches', lounge, { lines });
    accepted += result.accepted;
    // count what was sent and answered accepted, from the request itself
    lines.forEach((line, i) => {
      if (result.lines[i].status !== 'accepted') return;
      const listPrice = priceOf.get(line.productId)!;
      units += line.quantity;
      gross += line.quantity * (line.unitPrice ?? listPrice);
      discounts += line.quantity * (listPrice - (line.unitPrice ?? listPrice));
    });
    if (day === 10) log(`   day 10: an oversell refused: ${result.lines.find((l: any) => l.status === 'refused').message}`);
  }
  const retry = await consignment.expect([201], 'POST', '/sales/batches', lounge, { lines: batchOf(5) });
  log(
    `   ${accepted} sale lines accepted in daily batches; the day-5 upload sent again: ${retry.duplicates} duplicates, nothing counted twice`,
  );

  await consignment.expect([201], 'POST', '/returns', lounge, {
    agreementId,
    reason: 'damaged',
    shippedAt: at(days - 1, 9),
    lines: [{ productId: lots[0].productId, lotCode: lots[0].lotCode, bucket: 'QUARANTINE', quantity: 2 }],
  });
  const stock = (await consignment.expect([200], 'GET', `/stock?agreement=${agreementId}&bucket=SELLABLE&limit=200`, lounge)).items;
  const counted = stock.find((s: any) => s.lotCode === lots[0].lotCode);
  let shrinkage = 0;
  if (counted?.quantity > 0) {
    await consignment.expect([201], 'POST', '/stock-counts', lounge, {
      agreementId,
      reason: 'stock opname akhir bulan: satu hilang',
      countedAt: at(days - 1, 17),
      lines: [{ productId: lots[0].productId, lotCode: lots[0].lotCode, counted: counted.quantity - 1 }],
    });
    shrinkage = priceOf.get(lots[0].productId)!; // dispatched at the agreement price, which is the catalog price
  }
  log('   damaged goods sent back to the UPT; the month-end count found one missing, which the lounge pays for');
  const close = await consignment.expect([200], 'POST', `/agreements/${agreementId}/periods/${period}/close`, lounge);
  const sold = close.controlTotals.movements.find((m: any) => m.kind === 'SOLD');
  log(
    `   ${period} closed: ${close.controlTotals.saleLines} sale lines, ${-(sold?.quantity ?? 0)} units, ${rupiah.format(-(sold?.amount ?? 0))} rupiah`,
  );
  return { units, gross, discounts, shrinkage };
}

function printTable(rows: DemoStatementRow[], venue: string, period: string, log: (line: string) => void): void {
  const money = (n: number) => rupiah.format(n).padStart(12);
  log(`   Settlement statements, ${venue}, ${period} (rupiah)`);
  log(
    `   ${'UPT'.padEnd(10)} ${'status'.padEnd(10)} ${'sold'.padStart(5)} ${'gross'.padStart(12)} ${'discounts'.padStart(12)} ${'shrinkage'.padStart(12)} ${'commission'.padStart(12)} ${'proceeds'.padStart(12)} ${'PNBP'.padStart(12)} ${'premi'.padStart(12)} ${'capital'.padStart(12)}`,
  );
  for (const r of rows) {
    log(
      `   ${r.uptCode.padEnd(10)} ${r.status.padEnd(10)} ${String(r.sold).padStart(5)} ${money(r.grossSales)} ${money(r.discounts)} ${money(r.shrinkageCharge)} ${money(r.commission)} ${money(r.proceeds)} ${money(r.pnbp)} ${money(r.premi)} ${money(r.capital)}`,
    );
  }
}

/**
 * npm run demo [-- --sign-in | --local-tokens] [--password PW]
 * With the identity provider reachable (npm start brings it up) the people sign in there, unless --local-tokens;
 * without it, tokens are minted locally per role. --password (or DEMO_PASSWORD) is the password the demo's
 * people get, otherwise one generated for the run.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'sign-in': { type: 'boolean' }, 'local-tokens': { type: 'boolean' }, password: { type: 'string' } },
  });
  const port = (name: string, fallback: number) => process.env[`${name}_PORT`] ?? fallback;
  const urls = {
    catalog: `http://127.0.0.1:${port('CATALOG', 3001)}`,
    consignment: `http://127.0.0.1:${port('CONSIGNMENT', 3002)}`,
    reporting: `http://127.0.0.1:${port('REPORTING', 3003)}`,
    notification: `http://127.0.0.1:${port('NOTIFICATION', 3004)}`,
  };
  const log = (line: string) => console.log(line);
  const signIn = consoleSignIn();
  const reachable = await fetch(`${localIssuer()}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(3_000) }).then(
    (r) => r.ok,
    () => false,
  );
  const useSignIn = values['sign-in'] ?? (!values['local-tokens'] && reachable);
  if (useSignIn && !reachable)
    throw new Error(`--sign-in: the identity provider does not answer at ${localIssuer()} (npm start brings it up)`);
  let people: SignedInPeople | undefined;
  if (useSignIn) {
    // people are made through catalog's user administration, which announces them to the notification service
    const catalogAdmin = new ApiClient('catalog', urls.catalog);
    people = SignedInPeople.create({
      catalog: urls.catalog,
      adminAuthorization: async () => catalogAdmin.token('admin'),
      signIn,
      log,
      password: typeof values.password === 'string' ? values.password : process.env.DEMO_PASSWORD,
    });
    log(`People sign in at ${localIssuer()} (code flow with PKCE through ${signIn.clientId}); set-up steps act as a locally minted admin`);
  } else {
    log('People act with tokens minted locally per role (the identity provider is not used)');
  }
  await runDemo(urls, { log, people });
  if (people && !values.password && !process.env.DEMO_PASSWORD) {
    log(`The demo's people (kasir.tgr, petugas.<upt>, kurator.banten, analis.ditjenpas) now have the password ${people.password}`);
    log('  (npm run demo -- --password PW keeps one you choose; npm run users -- set-password --username kasir.tgr sets another)');
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}

import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { TITIPAN_REALM, KeycloakAdmin, type SignInSettings } from '@titipan/identity';
import { formatPeriod } from '@titipan/kernel';
import { type ServiceName } from '@titipan/platform';
import { ApiClient } from '../tools/demo/api-client';
import { demoEmail, SignedInPeople } from '../tools/demo/people';
import { runDemo, type DemoResult } from '../tools/demo/run-demo';
import { applyRealm } from '../tools/identity/apply-realm';
import { CONSOLE_CLIENT, titipanRealm } from '../tools/identity/realm';
import { startMailCatcher, type MailCatcher } from '../tools/mail-catcher';
import { reconcile } from '../tools/reconcile/reconcile';
import { type RunningService } from '../tools/service-process';
import { TestEnvironment } from './support/test-environment';
import { cleanUp, scratchDir, stopEach } from './support/clean-up';
import { KEYCLOAK_START_MS, PrivateKeycloak } from './support/private-keycloak';
import { startServices, urlsOf } from './support/stack';

const USER_ADMIN = { clientId: 'titipan-user-admin', secret: 'users-secret-of-the-demo-test' };
const REDIRECT = 'http://localhost:5173/';

/**
 * The demo against the four services as processes, as `npm run demo` runs under `npm start`: its people are made
 * through catalog's user administration at a private Keycloak and sign in there; the notification service mails
 * through a real SMTP server started here. It completes, and a second run changes nothing and tells nobody again.
 */
describe('demo: a month at the Tangerang lounge, then a PIPAS Banten edition', () => {
  let env: TestEnvironment;
  let keycloak: PrivateKeycloak;
  let smtp: MailCatcher;
  const mails = () => smtp.mails;
  const services = {} as Record<ServiceName, RunningService>;
  const scratch = scratchDir('demo');
  const output = scratch.path;
  const lines: string[] = [];
  let first: DemoResult;
  let signIn: SignInSettings;

  beforeAll(async () => {
    keycloak = await PrivateKeycloak.start();
    await applyRealm(
      new KeycloakAdmin(keycloak.bootstrapAdmin(TITIPAN_REALM)),
      titipanRealm({ consoleRedirectUris: [`${REDIRECT}*`], userAdminClientId: USER_ADMIN.clientId, userAdminSecret: USER_ADMIN.secret }),
    );
    signIn = { url: keycloak.url, realm: TITIPAN_REALM, clientId: CONSOLE_CLIENT, redirectUri: REDIRECT };
    smtp = await startMailCatcher();
    env = await TestEnvironment.create();
    await startServices(env, services, (service, ports) => ({
      OIDC_ISSUER: `${keycloak.url}/realms/${TITIPAN_REALM}`,
      ...(service === 'catalog'
        ? {
            USER_ADMIN_CLIENT_ID: USER_ADMIN.clientId,
            USER_ADMIN_CLIENT_SECRET: USER_ADMIN.secret,
            CONSIGNMENT_URL: `http://127.0.0.1:${ports.consignment}`,
          }
        : {}),
      ...(service === 'notification' ? { SMTP_URL: smtp.smtpUrl, EMAIL_POLL_MS: '200' } : {}),
    }));
  }, KEYCLOAK_START_MS + 300_000);
  afterAll(() => cleanUp(stopEach(services), [() => keycloak?.dispose(), () => smtp?.close()], () => env?.dispose(), scratch.remove));

  const urls = () => urlsOf(services);
  const people = (password: string) =>
    SignedInPeople.create({
      catalog: services.catalog.url,
      adminAuthorization: async () => new ApiClient('catalog', services.catalog.url).token('admin'),
      signIn,
      log: () => undefined,
      password,
    });

  it('runs the whole month and settles every UPT, paid, one PNBP deposited, with exports written', async () => {
    first = await runDemo(urls(), { outputDir: output, log: (l) => lines.push(l), people: people('demo-password-first') });
    expect(first.statements.map((s) => [s.uptCode, s.status])).toEqual([
      ['LP-TGR-1', 'DEPOSITED'],
      ['LPKA-TGR', 'PAID'],
      ['LPP-TGR', 'PAID'],
      ['RT-TGR-1', 'PAID'],
    ]);
    // the statements, to the rupiah, against what the demo sent and was told was accepted (commission 0 at a
    // government lounge; the unit the count found missing paid by the lounge at its dispatch price; split 15/50/35
    // of the proceeds with the odd rupiah to the largest remainder)
    for (const s of first.statements) {
      const sent = first.sent[s.uptCode];
      expect(sent.units).toBeGreaterThan(0);
      expect(sent.discounts).toBeGreaterThan(0);
      expect(sent.shrinkage).toBeGreaterThan(0);
      const proceeds = sent.gross + sent.shrinkage;
      const exact = [15, 50, 35].map((pct) => (proceeds * pct) / 100);
      const parts = exact.map(Math.floor);
      const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
      for (let k = 0; k < proceeds - parts.reduce((a, b) => a + b, 0); k++) parts[order[k][1]]++;
      expect(s).toMatchObject({
        sold: sent.units,
        grossSales: sent.gross,
        discounts: sent.discounts,
        shrinkageCharge: sent.shrinkage,
        commission: 0,
        proceeds,
        pnbp: parts[0],
        premi: parts[1],
        capital: parts[2],
      });
    }
    expect(lines.join('\n')).toMatch(/refused: HALAL_REQUIRED \(rule halal-from-2026-10-17\)/);
    expect(lines.join('\n')).toMatch(/an oversell refused: 9999 requested/);
    expect(lines.join('\n')).toMatch(/sent again: \d+ duplicates, nothing counted twice/);
    expect(first.files).toHaveLength(9);
    for (const file of first.files) expect(existsSync(file)).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(first.files.find((f) => f.includes('rollup'))!);
    const rows: unknown[][] = [];
    book.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const tangerang = rows.find((r) => r[0] === 'LP-TGR-1')!;
    expect(tangerang[2]).toBe(first.statements.find((s) => s.uptCode === 'LP-TGR-1')!.grossSales);
  });

  it('then runs a PIPAS Banten edition with three Banten UPTs and prints its statements of the event period', () => {
    const { exhibition } = first;
    expect(exhibition.period).toMatch(/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/);
    expect(exhibition.statements.map((s) => [s.uptCode, s.period, s.status])).toEqual(
      ['LP-SRG', 'LP-TGR-1', 'LPP-TGR'].map((upt) => [upt, exhibition.period, 'ISSUED']),
    );
    // each UPT sold 4 + 3 + 2 units of one product at its catalog price; 10 % commission; nothing left over
    for (const s of exhibition.statements) {
      const t = s.figures.totals;
      expect(t).toMatchObject({ opening: 0, received: 20, sold: 9, returned: 11, closing: 0, discounts: 0 });
      expect(t.grossSales % 9).toBe(0);
      expect(s.figures.commission).toBe(t.grossSales / 10);
      expect(s.figures.proceeds).toBe(t.grossSales - t.grossSales / 10);
    }
    expect(exhibition.report.totals.sold).toBe(27);
    const printed = lines.join('\n');
    expect(printed).toContain(`Settlement statements, ${exhibition.venueCode}, ${exhibition.period} (rupiah)`);
    expect(printed).toMatch(/report: 3 UPTs, 27 units/);
  });

  it('prints the notices sent: each statement told once to the people of its venue and its UPT, in the inbox and by e-mail', async () => {
    const reader = new ApiClient('reporting', services.reporting.url);
    const statements = new Map<string, { uptCode: string; venueCode: string }>();
    for (const [period, venue] of [
      [first.period, 'IMI-TGR-LOUNGE'],
      [first.exhibition.period, first.exhibition.venueCode],
    ])
      for (const s of (await reader.expect([200], 'GET', `/statements?period=${period}&venue=${venue}&limit=50`, { role: 'ministry' }))
        .items)
        statements.set(s.id, { uptCode: s.uptCode, venueCode: venue });
    expect(statements.size).toBe(7);

    const byUser = new Map(first.inboxes.map((i) => [i.username, i]));
    const issued = (username: string) =>
      byUser
        .get(username)!
        .notices.filter((n) => n.kind === 'STATEMENT_ISSUED')
        .map((n) => n.subject.statementId as string)
        .sort();
    const idsOf = (pick: (s: { uptCode: string; venueCode: string }) => boolean) =>
      [...statements]
        .filter(([, s]) => pick(s))
        .map(([id]) => id)
        .sort();
    // the lounge's cashier: its four; the booth's: the exhibition's three; each UPT's clerk: its own month and event
    expect(issued('kasir.tgr')).toEqual(idsOf((s) => s.venueCode === 'IMI-TGR-LOUNGE'));
    expect(issued(`kasir.${first.exhibition.venueCode.toLowerCase()}`)).toEqual(idsOf((s) => s.venueCode === first.exhibition.venueCode));
    for (const upt of ['LP-TGR-1', 'LPP-TGR', 'LPKA-TGR', 'RT-TGR-1', 'LP-SRG'])
      expect(issued(`petugas.${upt.toLowerCase()}`)).toEqual(idsOf((s) => s.uptCode === upt));
    // nobody out of scope: the curator and the ministry's analyst are told nothing of these; each notice once
    expect(byUser.get('kurator.banten')!.notices).toEqual([]);
    expect(byUser.get('analis.ditjenpas')!.notices).toEqual([]);
    const all = first.inboxes.flatMap((i) => i.notices.map((n) => ({ ...n, username: i.username })));
    expect(new Set(all.map((n) => n.id)).size).toBe(all.length);

    // and each by e-mail, once, to the person's address (the relay sends within a few polls)
    const deadline = Date.now() + 30_000;
    while (mails().length < all.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(
      mails()
        .map((m) => [m.noticeId, m.to])
        .sort(),
    ).toEqual(all.map((n) => [n.id, demoEmail(n.username)]).sort());
    // each mail says what the inbox says, and where the person's console opens it
    const cashierStatement = all.find((n) => n.username === 'kasir.tgr' && n.kind === 'STATEMENT_ISSUED')!;
    const mail = mails().find((m) => m.noticeId === cashierStatement.id)!;
    expect(mail.subject).toBe(cashierStatement.title);
    expect(mail.text).toMatch(
      /^Laporan penyelesaian periode .+ terbit dengan hasil penjualan Rp\s[\d.]+\.\n\nBuka di Konsol Titipan: https?:\/\/[^/\s]+\/akhir-bulan\n/,
    );

    const printed = lines.join('\n');
    expect(printed).toMatch(/9\. Notices sent/);
    expect(printed).toMatch(/kasir\.tgr \(venue of IMI-TGR-LOUNGE\): \d+ notices/);
    expect(printed).toContain(`Laporan penyelesaian LP-SRG periode ${formatPeriod(first.exhibition.period)} terbit`);
    expect(printed).toContain(`Laporan penyelesaian LP-TGR-1 periode ${formatPeriod(first.period)} terbit`);
    expect(printed).toMatch(new RegExp(`${all.length} notices to \\d+ people`));
  });

  it('changes nothing when run again', async () => {
    const mailed = mails().length;
    const again = await runDemo(urls(), { outputDir: output, people: people('demo-password-again') });
    expect(again.statements).toEqual(first.statements);
    expect(again.sent).toEqual({});
    // nobody is told anything twice: the same notices, and no mail beyond the first run's (given time to arrive)
    // (a UPT whose event period was already closed is not signed in again: everyone who was has the same notices)
    const firstIds = new Map(first.inboxes.map((i) => [i.username, i.notices.map((n) => n.id)]));
    expect(again.inboxes.length).toBeGreaterThanOrEqual(7);
    for (const inbox of again.inboxes)
      expect([inbox.username, inbox.notices.map((n) => n.id)]).toEqual([inbox.username, firstIds.get(inbox.username)]);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(mails().length).toBe(mailed);
  });

  it('reconciles the consignment ledger with reporting: no difference, and a planted one is found', async () => {
    const clean = await reconcile(urls());
    // the lounge's four and the exhibition's three
    expect(clean.agreements).toBe(7);
    expect(clean.periods).toBeGreaterThanOrEqual(7);
    expect(clean.differences).toEqual([]);

    const ds = await env.dataSource('reporting');
    await ds.query(`UPDATE stock_on_hand SET quantity = quantity + 1 WHERE lot_code LIKE 'ROTI-MANIS-%'`);
    const planted = await reconcile(urls());
    expect(planted.differences).toEqual([
      expect.objectContaining({ what: expect.stringMatching(/^stock on hand ROTI-MANIS\//), reporting: expect.any(Number) }),
    ]);
    const [d] = planted.differences;
    expect(d.reporting).toBe((d.ledger as number) + 1);
    await ds.query(`UPDATE stock_on_hand SET quantity = quantity - 1 WHERE lot_code LIKE 'ROTI-MANIS-%'`);
  });
});

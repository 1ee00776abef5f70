import { newId } from '@titipan/kernel';
import {
  AgreementActivated,
  buildEvent,
  ExhibitionCreated,
  KanwilRegistered,
  LotNearExpiry,
  PersonChanged,
  ProductApproved,
  ProductRejected,
  ProductSubmitted,
  ReceiptConfirmed,
  StatementIssued,
  StatementPaid,
  topicName,
  UptRegistered,
  VenueRegistered,
  type EventDefinition,
  type EventEnvelope,
  type PersonChangedV1,
  type Stream,
} from '@titipan/contracts';
import { mintToken } from '@titipan/platform';
import type { Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { LOCAL } from '../../tools/local-settings';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '../../tools/mail-catcher';
import { startServiceProcess, type RunningService } from '../../tools/service-process';
import { cleanUp } from '../support/clean-up';
import { freePort } from '../support/free-port';
import { eventually } from '../support/kafka-probe';
import { TestEnvironment } from '../support/test-environment';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
/** The calendar day `n` days from today in WIB (YYYY-MM-DD). */
const wibDayIn = (n: number) => new Date(Date.now() + 7 * 3_600_000 + n * DAY).toISOString().slice(0, 10);

describe('notification service: each notice once, to exactly the people in scope, in the inbox and by SMTP', () => {
  let env: TestEnvironment;
  let producer: Producer;
  let service: RunningService | undefined;
  let smtp: MailCatcher;
  let db: DataSource;
  const mails: CaughtMail[] = [];
  const sent: { stream: Stream; event: EventEnvelope }[] = [];
  const actor = { id: 'seed', role: 'admin' as const, scope: null };

  // the organisation: Kanwil Banten with two UPTs; a lounge in Banten with an agreement with the first UPT only
  const KANWIL = 'KW-BTN';
  const UPT = 'LPP-SRG';
  const OTHER_UPT = 'LPP-TGR';
  const VENUE = 'IMI-SRG-LOUNGE';
  const agreementId = newId();
  const person = (
    username: string,
    role: PersonChangedV1['role'],
    scope: string | null,
    email: string | null,
    enabled = true,
  ): PersonChangedV1 => ({
    personId: newId(),
    username,
    role,
    scope,
    name: username,
    email,
    enabled,
  });
  const people = {
    upt: person('upt.srg', 'upt', UPT, 'upt.srg@example.test'),
    uptDisabled: person('upt.srg.old', 'upt', UPT, 'old@example.test', false),
    otherUpt: person('upt.tgr', 'upt', OTHER_UPT, 'upt.tgr@example.test'),
    curator: person('kurator.btn', 'curator', KANWIL, 'kurator.btn@example.test'),
    kanwil: person('kanwil.btn', 'kanwil', KANWIL, 'kanwil.btn@example.test'),
    venue: person('venue.srg', 'venue', VENUE, 'venue.srg@example.test'),
    ministry: person('ministry', 'ministry', null, 'ministry@example.test'),
  };
  const statementUnpaid = newId();
  const statementUndeposited = newId();
  const approvedProduct = newId();
  const refusedProduct = newId();
  const waitingProduct = newId();
  const dispatchId = newId();
  const proposedReturnId = newId();
  const exhibitionEnding = newId();

  const headers = (p: PersonChangedV1) => ({
    authorization: `Bearer ${mintToken(LOCAL.signingKey, { service: 'notification', role: p.role!, scope: p.scope ?? undefined, sub: p.personId })}`,
    'content-type': 'application/json',
  });
  const api = async <T>(p: PersonChangedV1, path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${service!.url}${path}`, { ...init, headers: headers(p) });
    return { status: res.status, body: (await res.json()) as T };
  };
  const inbox = async (p: PersonChangedV1) =>
    (
      await api<{
        items: {
          id: string;
          kind: string;
          title: string;
          body: string;
          subject: Record<string, unknown>;
          link: string | null;
          readAt: string | null;
        }[];
        total: number;
      }>(p, '/notifications?limit=200')
    ).body;

  async function publish<T extends object>(stream: Stream, definition: EventDefinition<T>, data: T, time?: Date): Promise<void> {
    const event = buildEvent(definition, data, { source: stream, actor, correlationId: 'notices-test', time });
    sent.push({ stream, event });
    await producer.send({
      topic: topicName(stream, env.topicPrefix),
      messages: [{ key: event.partitionKey, value: JSON.stringify(event) }],
    });
  }

  async function startService(): Promise<void> {
    service = await startServiceProcess('notification', {
      ...env.env('notification', await freePort()),
      SMTP_URL: smtp.smtpUrl,
      NOTICE_SCAN_EVERY_MS: '1000',
      EMAIL_POLL_MS: '200',
    });
  }

  /** The notices group has read every message on the three topics (its committed offsets are at their ends). */
  async function caughtUp(): Promise<void> {
    const admin = env.kafka.admin();
    await admin.connect();
    try {
      await eventually(
        async () => {
          for (const stream of ['catalog', 'consignment', 'reporting'] as const) {
            const topic = topicName(stream, env.topicPrefix);
            const ends = await admin.fetchTopicOffsets(topic);
            const [committed] = await admin.fetchOffsets({ groupId: `${env.topicPrefix}notification.notices`, topics: [topic] });
            for (const end of ends) {
              const at = committed.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
              if (Number(end.high) > 0 && Number(at) < Number(end.high)) return false;
            }
          }
          return true;
        },
        60_000,
        'the notices group at the end of every topic',
      );
    } finally {
      await admin.disconnect();
    }
  }

  /** A scan of the overdue waits ran to its end after `since`. */
  const scanFinishedAfter = (since: Date) =>
    eventually(
      async () => (await db.query(`SELECT 1 FROM job_run WHERE job = 'notice-scan' AND finished_at > $1 LIMIT 1`, [since])).length > 0,
      30_000,
      'a notice scan',
    );

  beforeAll(async () => {
    env = await TestEnvironment.create(1);
    smtp = await startMailCatcher({ onMail: (mail) => mails.push(mail) });
    producer = env.kafka.producer();
    await producer.connect();
    await startService();
    db = await env.dataSource('notification');
  }, 120_000);
  afterAll(() =>
    cleanUp(
      () => service?.stop(),
      () => producer?.disconnect(),
      () => smtp?.close(),
      () => env?.dispose(),
    ),
  );

  it('delivers every kind of notice once to the people in scope, and a replay of the topics sends none again', async () => {
    // the venue's person takes the unpaid-statement reminder in the inbox only
    const pref = await api<{ kinds: { kind: string; email: boolean }[] }>(people.venue, '/notification-preferences', {
      method: 'PUT',
      body: JSON.stringify({ kinds: [{ kind: 'STATEMENT_UNPAID', email: false }] }),
    });
    expect(pref.status).toBe(200);
    expect(pref.body.kinds.find((k) => k.kind === 'STATEMENT_UNPAID')).toEqual({ kind: 'STATEMENT_UNPAID', email: false });
    // a kind it does not know, or two choices for one kind, is refused at the edge
    for (const kinds of [
      [{ kind: 'SOMETHING_ELSE', email: false }],
      [
        { kind: 'STATEMENT_ISSUED', email: false },
        { kind: 'STATEMENT_ISSUED', email: true },
      ],
    ]) {
      const refused = await api<{ code: string }>(people.venue, '/notification-preferences', {
        method: 'PUT',
        body: JSON.stringify({ kinds }),
      });
      expect([refused.status, refused.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }

    await publish('catalog', KanwilRegistered, { code: KANWIL, name: 'Kanwil Banten' });
    for (const code of [UPT, OTHER_UPT])
      await publish('catalog', UptRegistered, { code, name: code, type: 'LPP', class: 'IIA', kanwilCode: KANWIL, satkerCode: '123456' });
    for (const p of Object.values(people)) await publish('catalog', PersonChanged, p);
    await publish('consignment', VenueRegistered, {
      code: VENUE,
      name: 'Lounge Imigrasi Serang',
      partnerAgency: 'Imigrasi',
      type: 'immigration-lounge',
      kanwilCode: KANWIL,
      timeZone: 'Asia/Jakarta',
      collectiveOutlet: false,
    });
    await publish('consignment', AgreementActivated, {
      agreementId,
      uptCode: UPT,
      venueCode: VENUE,
      commissionBp: 0,
      validFrom: '2026-01-01',
      validTo: null,
      timeZone: 'Asia/Jakarta',
      maxDiscountBp: 0,
      shrinkageLiability: 'VENUE',
    });
    await caughtUp();

    // the causes
    const approvedAt = new Date().toISOString();
    await publish('catalog', ProductApproved, {
      productId: approvedProduct,
      sku: 'SRG-BATIK-01',
      name: 'Batik Serang',
      category: 'craft',
      uptCode: UPT,
      kanwilCode: KANWIL,
      unit: 'pcs',
      price: 150_000,
      shelfLifeDays: null,
      consignable: true,
      approvedAt,
      reviewId: newId(),
    });
    await publish('catalog', ProductSubmitted, {
      productId: refusedProduct,
      uptCode: UPT,
      sku: 'SRG-KRP-01',
      name: 'Keripik',
      category: 'food',
    });
    await publish('catalog', ProductRejected, {
      productId: refusedProduct,
      uptCode: UPT,
      reviewId: newId(),
      reasons: ['Sertifikat halal tidak ada'],
    });
    await publish(
      'catalog',
      ProductSubmitted,
      { productId: waitingProduct, uptCode: UPT, sku: 'SRG-TAS-01', name: 'Tas Anyaman', category: 'craft' },
      daysAgo(4),
    );
    await publish('consignment', ReceiptConfirmed, {
      agreementId,
      dispatchId,
      receivedAt: new Date().toISOString(),
      period: '2026-11',
      lines: [
        {
          lineNo: 1,
          productId: approvedProduct,
          lotCode: 'L-1',
          expiryDate: '2026-12-10',
          dispatched: 10,
          accepted: 8,
          damaged: 1,
          short: 1,
          unitPrice: 150_000,
        },
      ],
    });
    await publish('consignment', LotNearExpiry, {
      agreementId,
      productId: approvedProduct,
      lotCode: 'L-1',
      expiryDate: '2026-12-10',
      quantity: 8,
      daysLeft: 10,
      proposedReturnId,
    });
    // an exhibition of both UPTs ending tomorrow in its zone, and one ending later: only the first is told
    const exhibition = (exhibitionId: string, venueCode: string, last: string) => ({
      exhibitionId,
      venueCode,
      name: `PIPAS Banten ${venueCode}`,
      series: 'PIPAS Banten',
      edition: '2026',
      organiserCode: KANWIL,
      location: 'Alun-alun Serang',
      timeZone: 'Asia/Jakarta',
      first: wibDayIn(-2),
      last,
      returnWindowDays: 7,
      uptCodes: [UPT, OTHER_UPT],
      agreementIds: [newId(), newId()],
    });
    await publish('consignment', ExhibitionCreated, exhibition(exhibitionEnding, 'PIPAS-BTN-A', wibDayIn(1)));
    await publish('consignment', ExhibitionCreated, exhibition(newId(), 'PIPAS-BTN-B', wibDayIn(3)));
    const digest = 'a'.repeat(64);
    await publish('reporting', StatementIssued, {
      statementId: statementUnpaid,
      agreementId,
      period: '2026-10',
      issuedAt: daysAgo(20).toISOString(),
      proceeds: 1_200_000,
      digest,
    });
    await publish('reporting', StatementIssued, {
      statementId: statementUndeposited,
      agreementId,
      period: '2026-09',
      issuedAt: daysAgo(40).toISOString(),
      proceeds: 900_000,
      digest,
    });
    await publish('reporting', StatementPaid, {
      statementId: statementUndeposited,
      agreementId,
      period: '2026-09',
      amount: 900_000,
      paidOn: daysAgo(10).toISOString().slice(0, 10),
      transferReference: 'TRF-0901',
    });

    const expected: Record<keyof typeof people, string[]> = {
      upt: [
        'EXHIBITION_ENDING',
        'LOT_NEAR_EXPIRY',
        'PNBP_NOT_DEPOSITED',
        'PRODUCT_APPROVED',
        'PRODUCT_REFUSED',
        'RECEIPT_DISCREPANCY',
        'STATEMENT_ISSUED',
        'STATEMENT_ISSUED',
      ],
      uptDisabled: [],
      otherUpt: ['EXHIBITION_ENDING'],
      curator: ['CURATION_OVERDUE'],
      kanwil: ['PNBP_NOT_DEPOSITED', 'STATEMENT_UNPAID'],
      venue: ['LOT_NEAR_EXPIRY', 'STATEMENT_ISSUED', 'STATEMENT_ISSUED', 'STATEMENT_UNPAID'],
      ministry: [],
    };
    const kinds = async (p: PersonChangedV1) => (await inbox(p)).items.map((n) => n.kind).sort();
    const total = Object.values(expected).flat().length;
    await eventually(async () => (await db.query(`SELECT count(*)::int AS n FROM notice`))[0].n === total, 60_000, `${total} notices`);
    for (const [who, p] of Object.entries(people))
      expect({ who, kinds: await kinds(p) }).toEqual({ who, kinds: expected[who as keyof typeof people] });

    // by e-mail: every notice but the venue's unpaid reminder (turned off), each once, to its person's address
    const mailed = total - 1;
    await eventually(async () => mails.length >= mailed, 30_000, `${mailed} mails`);
    const mailedKinds = (address: string) => mails.filter((m) => m.to === address).length;
    expect(mailedKinds(people.upt.email!)).toBe(8);
    expect(mailedKinds(people.otherUpt.email!)).toBe(1);
    expect(mailedKinds(people.curator.email!)).toBe(1);
    expect(mailedKinds(people.kanwil.email!)).toBe(2);
    expect(mailedKinds(people.venue.email!)).toBe(3);
    expect(new Set(mails.map((m) => m.noticeId)).size).toBe(mails.length);
    // each mail is one notice of the person it went to
    for (const [who, p] of Object.entries(people)) {
      const held = new Set((await inbox(p)).items.map((n) => n.id));
      const theirs = mails.filter((m) => m.to === p.email).map((m) => m.noticeId);
      expect({ who, strangers: theirs.filter((id) => !held.has(id)) }).toEqual({ who, strangers: [] });
    }

    // each person's notice opens a page of their own role's console
    const links = async (p: PersonChangedV1) =>
      Object.fromEntries((await inbox(p)).items.map((n) => [n.kind, n.link] as const).sort(([a], [b]) => a.localeCompare(b)));
    expect(await links(people.venue)).toEqual({
      LOT_NEAR_EXPIRY: '/kedaluwarsa',
      STATEMENT_ISSUED: '/akhir-bulan',
      STATEMENT_UNPAID: '/akhir-bulan',
    });
    expect(await links(people.kanwil)).toEqual({ PNBP_NOT_DEPOSITED: '/dasbor/pnbp', STATEMENT_UNPAID: '/dasbor/tagihan' });
    expect(await links(people.curator)).toEqual({ CURATION_OVERDUE: `/kurasi/${waitingProduct}` });
    expect((await links(people.upt)).STATEMENT_ISSUED).toBe('/penyelesaian');

    // the near-expiry notice opens as read, with its text in Bahasa Indonesia
    const lot = (await inbox(people.upt)).items.find((n) => n.kind === 'LOT_NEAR_EXPIRY')!;
    expect(lot.title).toBe('Lot L-1 mendekati kedaluwarsa');
    // with the return consignment proposed, which the UPT confirms from the notice (the venue sees it too)
    expect(lot.subject.proposedReturnId).toBe(proposedReturnId);
    expect(lot.body).toMatch(/Sistem mengusulkan retur/);
    const atVenue = (await inbox(people.venue)).items.find((n) => n.kind === 'LOT_NEAR_EXPIRY')!;
    expect(atVenue.subject.proposedReturnId).toBe(proposedReturnId);
    const ending = (await inbox(people.otherUpt)).items[0];
    expect([ending.title, ending.subject.venueCode]).toEqual(['Pameran PIPAS Banten PIPAS-BTN-A berakhir besok', 'PIPAS-BTN-A']);
    expect((await api<{ unread: number }>(people.upt, '/notifications/unread-count')).body).toEqual({ unread: 8 });
    const opened = await api<{ readAt: string | null }>(people.upt, `/notifications/${lot.id}/read`, { method: 'POST' });
    expect(opened.status).toBe(200);
    expect(opened.body.readAt).not.toBeNull();
    expect((await api<{ unread: number }>(people.upt, '/notifications/unread-count')).body).toEqual({ unread: 7 });
    // someone else's notice is not found for another person
    expect((await api(people.otherUpt, `/notifications/${lot.id}/read`, { method: 'POST' })).status).toBe(404);
    expect((await api<{ marked: number }>(people.venue, '/notifications/read-all', { method: 'POST' })).body).toEqual({ marked: 4 });

    // replay: the service stops, its inbox of applied events is emptied (as housekeeping does with old rows), the
    // notices group goes back to the start of every topic, and every event is produced once more besides
    await service!.stop();
    service = undefined;
    await env.queryAsOwner('notification', `DELETE FROM notification.inbox`);
    const admin = env.kafka.admin();
    await admin.connect();
    for (const stream of ['catalog', 'consignment', 'reporting'] as const)
      await admin.resetOffsets({
        groupId: `${env.topicPrefix}notification.notices`,
        topic: topicName(stream, env.topicPrefix),
        earliest: true,
      });
    await admin.disconnect();
    for (const { stream, event } of [...sent])
      await producer.send({
        topic: topicName(stream, env.topicPrefix),
        messages: [{ key: event.partitionKey, value: JSON.stringify(event) }],
      });
    const restarted = new Date();
    await startService();
    await caughtUp();
    await scanFinishedAfter(restarted);

    expect((await db.query(`SELECT count(*)::int AS n FROM notice`))[0].n).toBe(total);
    expect((await db.query(`SELECT count(*)::int AS n FROM email_outbox`))[0].n).toBe(mailed);
    expect((await db.query(`SELECT count(*)::int AS n FROM email_outbox WHERE sent_at IS NULL`))[0].n).toBe(0);
    expect(mails).toHaveLength(mailed);
    for (const [who, p] of Object.entries(people))
      expect({ who, kinds: await kinds(p) }).toEqual({ who, kinds: expected[who as keyof typeof people] });
    expect((await api<{ email: string }>(people.upt, '/health/email')).body).toMatchObject({ email: 'on', unsent: 0 });
  }, 240_000);
});

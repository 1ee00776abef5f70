import { formatPeriod } from '@titipan/kernel';
import { NOTICE_KINDS as SERVICE_NOTICE_KINDS } from '../../apps/notification/src/notice/domain/notice-rules';
import { NOTICE_KINDS, noticeWords, subjectWords } from '../../apps/console/web/src/inbox/notice-words';
import en from '../../apps/console/web/src/locales/en.json';
import id from '../../apps/console/web/src/locales/id.json';

/** The inbox words a notice from its kind and subject: every kind the service gives needs its words in both languages. */
describe("the console's inbox", () => {
  it('knows every kind of notice the notification service gives, with a name, title and text in Bahasa Indonesia and English', () => {
    expect(NOTICE_KINDS).toEqual(SERVICE_NOTICE_KINDS);
    for (const locale of [id, en]) {
      for (const kind of NOTICE_KINDS) {
        expect(locale.inbox.kindName[kind]).toEqual(expect.any(String));
        expect(locale.inbox.kind[kind]).toEqual({ title: expect.any(String), body: expect.any(String) });
      }
    }
  });

  it('writes money as rupiah, days and months in Indonesian, and reasons one after another', () => {
    expect(
      subjectWords({ proceeds: 1_200_000, period: '2026-10', issuedAt: '2026-11-10', submittedAt: '2026-11-03T08:15:00Z', quantity: 1200 }),
    ).toMatchObject({
      proceeds: 'Rp 1.200.000',
      period: 'Oktober 2026',
      issuedAt: '10 Nov 2026',
      submittedAt: '3 Nov 2026',
      quantity: '1.200',
    });
    expect(subjectWords({ productId: 'p-1', name: null, reasons: ['Sertifikat halal tidak ada', 'Foto buram'] })).toMatchObject({
      name: 'p-1',
      reasons: 'Sertifikat halal tidak ada; Foto buram',
    });
    const t = (key: string, values?: Record<string, unknown>) => `${key} ${JSON.stringify(values)}`;
    expect(noticeWords('STATEMENT_ISSUED', { period: '2026-10', proceeds: 5000 }, t).body).toBe(
      'inbox.kind.STATEMENT_ISSUED.body {"period":"Oktober 2026","proceeds":"Rp 5.000"}',
    );
    // an exhibition's event period reads as its days, as the e-mail says it (the notification service's formatPeriod)
    expect(subjectWords({ period: '2026-11-27..2026-11-29', uptCode: 'LP-SRG' })).toEqual({
      period: formatPeriod('2026-11-27..2026-11-29'),
      uptCode: 'LP-SRG',
    });
    expect(formatPeriod('2026-11-27..2026-11-29')).toBe('27–29 Nov 2026');
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { startMailCatcher, type MailCatcher } from '../../tools/mail-catcher';
import { cleanUp, scratchDir } from '../support/clean-up';

/** The mail catcher npm start sends the notification service's mail to, and the tests read: a real SMTP exchange. */
describe('mail catcher (tools/mail-catcher.ts)', () => {
  const scratch = scratchDir('mail');
  let catcher: MailCatcher;

  beforeAll(async () => {
    catcher = await startMailCatcher({ dir: join(scratch.path, 'mail') });
  });
  afterAll(() => cleanUp(() => catcher?.close(), scratch.remove));

  it('keeps each mail with its recipients, its decoded subject and its notice, and writes it as an .eml file', async () => {
    const transport = createTransport({ url: catcher.smtpUrl });
    const subject = 'Laporan penyelesaian 2026-11 terbit — Rp 1.234.567 · Lapas Kelas I Tangerang dan sekitarnya';
    await transport.sendMail({
      from: 'Titipan <noreply@titipan.local>',
      to: 'petugas.lp-tgr-1@titipan.local',
      subject,
      text: 'Hasil penjualan Rp\u00a01.234.567 (terbit 1 Des 2026).\n\nBuka di Konsol Titipan: https://konsol.example.go.id/penyelesaian/sangat/panjang/sekali/agar/baris/ini/lebih/dari/tujuh/puluh/enam/huruf\n',
      headers: { 'X-Titipan-Notice': '0190c8e4-0000-7000-8000-00000000a001' },
    });
    transport.close();

    expect(catcher.mails.map(({ to, subject: s, noticeId, text }) => ({ to, subject: s, noticeId, text }))).toEqual([
      {
        to: 'petugas.lp-tgr-1@titipan.local',
        subject,
        noticeId: '0190c8e4-0000-7000-8000-00000000a001',
        // a non-ASCII space makes nodemailer send quoted-printable, with its long line folded: read back whole
        text: 'Hasil penjualan Rp\u00a01.234.567 (terbit 1 Des 2026).\n\nBuka di Konsol Titipan: https://konsol.example.go.id/penyelesaian/sangat/panjang/sekali/agar/baris/ini/lebih/dari/tujuh/puluh/enam/huruf\n',
      },
    ]);
    expect(catcher.mails[0].raw).toMatch(/Content-Transfer-Encoding: quoted-printable/i);
    const files = readdirSync(join(scratch.path, 'mail'));
    expect(files).toEqual([expect.stringMatching(/-0190c8e4-0000-7000-8000-00000000a001\.eml$/)]);
    const file = join(scratch.path, 'mail', files[0]);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('X-Titipan-Notice: 0190c8e4-0000-7000-8000-00000000a001');
  });
});

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
      text: 'Hasil penjualan Rp 1.234.567.',
      headers: { 'X-Titipan-Notice': '0190c8e4-0000-7000-8000-00000000a001' },
    });
    transport.close();

    expect(catcher.mails.map(({ to, subject: s, noticeId }) => ({ to, subject: s, noticeId }))).toEqual([
      { to: 'petugas.lp-tgr-1@titipan.local', subject, noticeId: '0190c8e4-0000-7000-8000-00000000a001' },
    ]);
    const files = readdirSync(join(scratch.path, 'mail'));
    expect(files).toEqual([expect.stringMatching(/-0190c8e4-0000-7000-8000-00000000a001\.eml$/)]);
    const file = join(scratch.path, 'mail', files[0]);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('X-Titipan-Notice: 0190c8e4-0000-7000-8000-00000000a001');
  });
});

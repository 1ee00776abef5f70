import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

/** A mail as it arrived: its envelope's recipients, its subject, and the notice it carries. */
export interface CaughtMail {
  to: string;
  subject: string;
  noticeId: string;
  /** The plain-text body, its transfer encoding (quoted-printable or base64, as nodemailer picks) undone. */
  text: string;
  raw: string;
}

export interface MailCatcher {
  port: number;
  /** Every mail caught so far, in arrival order. */
  mails: CaughtMail[];
  /** The notification service's setting that sends mail here. */
  smtpUrl: string;
  close(): Promise<void>;
}

/** A header's value, RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=, as nodemailer writes them) decoded. */
function headerOf(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const value = new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]?.trim() ?? '';
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, how: string, text: string) =>
    how.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

/** The body of a single-part plain-text mail, decoded from its Content-Transfer-Encoding, with SMTP's CRLF as \n. */
function textOf(raw: string): string {
  return decodedBody(raw).replace(/\r\n/g, '\n');
}

function decodedBody(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const encoding = headerOf(raw, 'Content-Transfer-Encoding').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable')
    return Buffer.from(
      body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  return body;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what arrives (no TLS, no login): the tests read `mails`, and the
 * development stack (npm start) sends the notification service's mail here, each written to `dir` as an .eml file
 * a mail program opens. Port 0 takes a free one.
 */
export async function startMailCatcher(
  options: { port?: number; dir?: string; onMail?: (mail: CaughtMail) => void } = {},
): Promise<MailCatcher> {
  const mails: CaughtMail[] = [];
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail = {
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          subject: headerOf(raw, 'Subject'),
          noticeId: headerOf(raw, 'X-Titipan-Notice'),
          text: textOf(raw),
          raw,
        };
        mails.push(mail);
        if (options.dir) writeFileSync(join(options.dir, `${Date.now()}-${mail.noticeId || mails.length}.eml`), raw);
        options.onMail?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as { port: number };
  return {
    port,
    mails,
    smtpUrl: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

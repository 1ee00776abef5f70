import { SMTPServer } from 'smtp-server';
import { freePort } from './free-port';

/** A mail as it arrived: its envelope's recipients, its subject, and the notice it carries. */
export interface Mail {
  to: string;
  subject: string;
  noticeId: string;
}

/** A real SMTP server on a free port, keeping what arrives (no TLS, no login: the service's SMTP_URL names it). */
export async function startSmtp(mails: Mail[]): Promise<{ server: SMTPServer; port: number }> {
  const port = await freePort();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1]?.trim() ?? '';
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          subject: header('Subject'),
          noticeId: header('X-Titipan-Notice'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, port };
}

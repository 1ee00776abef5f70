/** Wait before the next try of a mail that failed `attempts` times: 10 s doubling, at most an hour; never given up. */
export function retryDelayMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export interface SmtpSettings {
  SMTP_URL: string;
  SMTP_HOST: string;
  SMTP_PORT: number;
  SMTP_USER: string;
  SMTP_PASSWORD: string;
}

/** Nodemailer's transport options from the settings, or undefined when no SMTP server is configured (e-mail off). */
export function smtpTransportOptions(
  s: SmtpSettings,
): string | { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } } | undefined {
  if (s.SMTP_URL) return s.SMTP_URL;
  if (!s.SMTP_HOST) return undefined;
  return {
    host: s.SMTP_HOST,
    port: s.SMTP_PORT,
    secure: s.SMTP_PORT === 465,
    ...(s.SMTP_USER ? { auth: { user: s.SMTP_USER, pass: s.SMTP_PASSWORD } } : {}),
  };
}

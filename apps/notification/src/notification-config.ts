import { Transform } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { PlatformConfig } from '@titipan/platform';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && value !== '' ? Number(value) : value);

/**
 * The notification service's own settings: the SMTP server mail goes through (SMTP_URL, or SMTP_HOST with port,
 * user and password; none: e-mail is off and /health/email says so), the console the mails link to, and how often
 * the overdue scans run.
 */
export class NotificationConfig extends PlatformConfig {
  /** smtp://user:pass@host:port or smtps://…; wins over SMTP_HOST. */
  @Matches(/^(smtps?:\/\/\S+)?$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL, or empty' })
  SMTP_URL = '';

  @IsString()
  SMTP_HOST = '';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT = 587;

  @IsString()
  SMTP_USER = '';

  @IsString()
  SMTP_PASSWORD = '';

  /** The console's origin as people's browsers reach it: each mail ends with the address of the notice's page there. */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().replace(/\/+$/, '') : value))
  @Matches(/^https?:\/\/[^\s/]+$/, { message: 'must be an origin such as https://console.example.go.id (no path)' })
  CONSOLE_PUBLIC_URL = 'http://localhost:3000';

  /** The sender of every mail. */
  @Matches(/^.+@.+$|^.*<.+@.+>$/, { message: 'SMTP_FROM must be an e-mail address' })
  SMTP_FROM = 'Titipan <noreply@titipan.local>';

  /** How often the overdue scans (curation, unpaid statements, PNBP not deposited) run, across instances once. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  NOTICE_SCAN_EVERY_MS = 15 * 60_000;

  /** How often the e-mail relay looks for mail to send. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  EMAIL_POLL_MS = 2000;
}

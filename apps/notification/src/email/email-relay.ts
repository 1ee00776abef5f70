import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@titipan/platform';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import type { NotificationConfig } from '../notification-config';
import { retryDelayMs, smtpTransportOptions } from './domain/email-retry';
import { EmailOutboxStore } from './email-outbox.store';

const BATCH = 20;

/**
 * Sends the e-mail outbox: each due mail is locked, sent, then marked sent in the same transaction, so a crash
 * before the mark sends it again (never loses it) and the Message-ID, the notice's id, lets a mail client drop the
 * second copy. A failure puts the mail back with a growing delay. Without SMTP settings it sends nothing (e-mail off).
 */
@Injectable()
export class EmailRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EmailRelay.name);
  private readonly transport?: Transporter;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EmailOutboxStore,
    @Inject(PLATFORM_CONFIG) private readonly config: NotificationConfig,
  ) {
    const options = smtpTransportOptions(config);
    if (options) this.transport = createTransport(options);
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  onApplicationBootstrap(): void {
    if (!this.transport) {
      this.logger.warn('no SMTP server configured (SMTP_URL or SMTP_HOST): e-mail is off, notices go to the inbox only');
      return;
    }
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    this.transport?.close();
  }

  /** Public (beside /health/ready): counts only; the SMTP server's own error words are in the log. */
  async status(): Promise<{ email: 'on' | 'off'; unsent: number; failing: number }> {
    const pending = await this.store.pending(this.dataSource.manager);
    return { email: this.enabled ? 'on' : 'off', ...pending };
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.running = this.sendDue()
        .catch((error: unknown) => this.logger.error({ err: error }, 'e-mail relay pass failed'))
        .finally(() => {
          this.running = undefined;
          if (this.timer) this.schedule();
        });
    }, this.config.EMAIL_POLL_MS);
    this.timer.unref();
  }

  /** Sends what is due, batch after batch; returns when none is left. */
  async sendDue(): Promise<void> {
    for (;;) {
      const sent = await this.dataSource.transaction(async (m) => {
        const due = await this.store.claimDue(m, BATCH);
        for (const mail of due) {
          try {
            await this.transport!.sendMail({
              from: this.config.SMTP_FROM,
              to: mail.to,
              subject: mail.subject,
              text: mail.body,
              messageId: `<${mail.noticeId}@titipan>`,
              headers: { 'X-Titipan-Notice': mail.noticeId },
            });
            await this.store.markSent(m, mail.noticeId);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            this.logger.warn({ noticeId: mail.noticeId, attempts: mail.attempts + 1 }, `mail not sent: ${message}`);
            await this.store.markFailed(m, mail.noticeId, message, retryDelayMs(mail.attempts + 1));
          }
        }
        return due.length;
      });
      if (sent < BATCH) return;
    }
  }
}

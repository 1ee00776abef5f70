import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface QueuedEmail {
  noticeId: string;
  to: string;
  subject: string;
  body: string;
  attempts: number;
}

/** The e-mail outbox's rows: claimed with a lock (one instance sends each), marked sent or put back for later. */
@Injectable()
export class EmailOutboxStore {
  /** Due, unsent mails, locked for this transaction; rows another instance holds are skipped. */
  claimDue(m: EntityManager, limit: number): Promise<QueuedEmail[]> {
    return m.query(
      `SELECT notice_id AS "noticeId", to_address AS "to", subject, body, attempts FROM email_outbox
        WHERE sent_at IS NULL AND next_attempt_at <= now()
        ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markSent(m: EntityManager, noticeId: string): Promise<void> {
    await m.query(`UPDATE email_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE notice_id = $1`, [noticeId]);
  }

  async markFailed(m: EntityManager, noticeId: string, error: string, retryInMs: number): Promise<void> {
    await m.query(
      `UPDATE email_outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = now() + $3 * interval '1 millisecond' WHERE notice_id = $1`,
      [noticeId, error.slice(0, 1000), retryInMs],
    );
  }

  async pending(m: EntityManager): Promise<{ unsent: number; failing: number }> {
    const [row]: { unsent: string; failing: string }[] = await m.query(
      `SELECT count(*) AS unsent, count(*) FILTER (WHERE last_error IS NOT NULL) AS failing FROM email_outbox WHERE sent_at IS NULL`,
    );
    return { unsent: Number(row.unsent), failing: Number(row.failing) };
  }
}

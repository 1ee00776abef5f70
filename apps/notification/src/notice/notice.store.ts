import { Inject, Injectable } from '@nestjs/common';
import { newId } from '@titipan/kernel';
import { PLATFORM_CONFIG } from '@titipan/platform';
import type { EntityManager } from 'typeorm';
import type { Audience, NoticeDraft } from './domain/notice-rules';
import type { NotificationConfig } from '../notification-config';
import { mailBody, noticeText } from './domain/notice-text';

/** The notice table and, in the same transaction, the e-mail outbox rows of the notices that are new. */
@Injectable()
export class NoticeStore {
  constructor(@Inject(PLATFORM_CONFIG) private readonly config: NotificationConfig) {}

  /**
   * Gives each draft to every enabled person its audiences name. A notice already held (same person, kind and
   * cause) is left as it is and mails nothing; a new one is queued for e-mail unless the person turned that kind off.
   * Returns how many notices were new.
   */
  async deliver(manager: EntityManager, drafts: NoticeDraft[]): Promise<number> {
    let added = 0;
    for (const draft of drafts) {
      if (draft.audiences.length === 0) continue;
      const people: { person_id: string; role: Audience['role']; email: string | null; mail: boolean }[] = await manager.query(
        `SELECT p.person_id, p.role, p.email, COALESCE(pref.email, true) AS mail
           FROM person_replica p
           JOIN unnest($1::text[], $2::text[]) AS a(role, scope) ON a.role = p.role AND a.scope = p.scope
           LEFT JOIN email_preference pref ON pref.person_id = p.person_id AND pref.kind = $3
          WHERE p.enabled`,
        [draft.audiences.map((a) => a.role), draft.audiences.map((a) => a.scope), draft.kind],
      );
      const text = noticeText(draft.kind, draft.subject);
      for (const person of people) {
        const link = draft.links[person.role] ?? null;
        const inserted: { notice_id: string }[] = await manager.query(
          `INSERT INTO notice (notice_id, person_id, kind, cause_key, rule, subject, link)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (person_id, kind, cause_key) DO NOTHING RETURNING notice_id`,
          [newId(), person.person_id, draft.kind, draft.causeKey, draft.rule, JSON.stringify(draft.subject), link],
        );
        if (inserted.length === 0) continue;
        added++;
        if (person.email && person.mail)
          await manager.query(`INSERT INTO email_outbox (notice_id, to_address, subject, body) VALUES ($1, $2, $3, $4)`, [
            inserted[0].notice_id,
            person.email,
            text.title,
            mailBody(text.body, this.config.CONSOLE_PUBLIC_URL, link),
          ]);
      }
    }
    return added;
  }
}

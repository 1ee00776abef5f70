import { Injectable } from '@nestjs/common';
import type { Page } from '@titipan/platform';
import { DataSource } from 'typeorm';
import type { NoticeKind } from '../notice/domain/notice-rules';

export interface NoticeRow {
  id: string;
  kind: NoticeKind;
  rule: string;
  subject: Record<string, unknown>;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** One person's notices. */
@Injectable()
export class InboxStore {
  constructor(private readonly dataSource: DataSource) {}

  async list(personId: string, page: { limit: number; offset: number; unreadOnly: boolean }): Promise<Page<NoticeRow>> {
    const where = `person_id = $1${page.unreadOnly ? ' AND read_at IS NULL' : ''}`;
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query<NoticeRow[]>(
        `SELECT notice_id AS id, kind, rule, subject, link, created_at AS "createdAt", read_at AS "readAt"
           FROM notice WHERE ${where} ORDER BY created_at DESC, notice_id LIMIT $2 OFFSET $3`,
        [personId, page.limit, page.offset],
      ),
      this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM notice WHERE ${where}`, [personId]),
    ]);
    return { items, total, limit: page.limit, offset: page.offset };
  }

  async unread(personId: string): Promise<number> {
    const [{ n }]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notice WHERE person_id = $1 AND read_at IS NULL`,
      [personId],
    );
    return n;
  }

  /** Marks the person's notice read (a second time changes nothing); undefined when it is not theirs. */
  async markRead(personId: string, id: string): Promise<NoticeRow | undefined> {
    const [rows]: [NoticeRow[], number] = await this.dataSource.query(
      `UPDATE notice SET read_at = COALESCE(read_at, now()) WHERE person_id = $1 AND notice_id = $2
       RETURNING notice_id AS id, kind, rule, subject, link, created_at AS "createdAt", read_at AS "readAt"`,
      [personId, id],
    );
    return rows[0];
  }

  async markAllRead(personId: string): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `UPDATE notice SET read_at = now() WHERE person_id = $1 AND read_at IS NULL`,
      [personId],
    );
    return count;
  }
}

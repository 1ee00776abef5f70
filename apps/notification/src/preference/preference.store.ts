import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NoticeKind } from '../notice/domain/notice-rules';

/** People's choices of which kinds of notice also come by e-mail (the default: all of them). */
@Injectable()
export class PreferenceStore {
  constructor(private readonly dataSource: DataSource) {}

  async emailOff(personId: string): Promise<Set<NoticeKind>> {
    const rows: { kind: NoticeKind }[] = await this.dataSource.query(
      `SELECT kind FROM email_preference WHERE person_id = $1 AND NOT email`,
      [personId],
    );
    return new Set(rows.map((r) => r.kind));
  }

  async save(personId: string, choices: { kind: NoticeKind; email: boolean }[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO email_preference (person_id, kind, email, updated_at)
       SELECT $1, kind, email, now() FROM unnest($2::text[], $3::boolean[]) AS c(kind, email)
       ON CONFLICT (person_id, kind) DO UPDATE SET email = EXCLUDED.email, updated_at = EXCLUDED.updated_at`,
      [personId, choices.map((c) => c.kind), choices.map((c) => c.email)],
    );
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The pnbp_target table: one yearly PNBP target per UPT, set (and reset) by the ministry. */
@Injectable()
export class PnbpTargetStore {
  /** Sets the UPT's target for the year in the caller's transaction; `previous` is the amount it replaced, null when it had none. */
  async set(manager: EntityManager, uptCode: string, year: number, amount: number, by: string): Promise<{ previous: number | null }> {
    const [row]: { previous: string | null }[] = await manager.query(
      `WITH old AS (SELECT amount FROM pnbp_target WHERE upt_code = $1 AND year = $2 FOR UPDATE)
       INSERT INTO pnbp_target (upt_code, year, amount, set_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (upt_code, year) DO UPDATE SET amount = EXCLUDED.amount, set_by = EXCLUDED.set_by, set_at = now()
       RETURNING (SELECT amount FROM old) AS previous`,
      [uptCode, year, amount, by],
    );
    return { previous: row.previous === null ? null : Number(row.previous) };
  }
}

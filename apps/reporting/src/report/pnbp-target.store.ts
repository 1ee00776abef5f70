import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The pnbp_target table: one yearly PNBP target per UPT, set (and reset) by the ministry. */
@Injectable()
export class PnbpTargetStore {
  /** Sets the UPT's target for the year in the caller's transaction; `previous` is the amount it replaced, null when it had none. */
  async set(manager: EntityManager, uptCode: string, year: number, amount: number, by: string): Promise<{ previous: number | null }> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO pnbp_target (upt_code, year, amount, set_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (upt_code, year) DO NOTHING RETURNING 1`,
      [uptCode, year, amount, by],
    );
    if (inserted.length > 0) return { previous: null };
    // the year has a target: lock it to read what this replaces, then replace it
    const [row]: { amount: string }[] = await manager.query(`SELECT amount FROM pnbp_target WHERE upt_code = $1 AND year = $2 FOR UPDATE`, [
      uptCode,
      year,
    ]);
    await manager.query(`UPDATE pnbp_target SET amount = $3, set_by = $4, set_at = now() WHERE upt_code = $1 AND year = $2`, [
      uptCode,
      year,
      amount,
      by,
    ]);
    return { previous: Number(row.amount) };
  }
}

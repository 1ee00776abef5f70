import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The pnbp_target table: one yearly PNBP target per UPT, set (and reset) by the ministry. */
@Injectable()
export class PnbpTargetStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Sets the UPT's target for the year; true when there was none before. */
  async set(uptCode: string, year: number, amount: number, by: string): Promise<boolean> {
    const [row]: { created: boolean }[] = await this.dataSource.query(
      `INSERT INTO pnbp_target (upt_code, year, amount, set_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (upt_code, year) DO UPDATE SET amount = EXCLUDED.amount, set_by = EXCLUDED.set_by, set_at = now()
       RETURNING (xmax = 0) AS created`,
      [uptCode, year, amount, by],
    );
    return row.created;
  }
}

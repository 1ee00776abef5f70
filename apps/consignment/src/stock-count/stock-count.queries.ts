import { Injectable } from '@nestjs/common';
import type { ReadScope } from '@titipan/platform';
import { DataSource } from 'typeorm';
import type { AgreementScope } from '../shared/agreement-scope';
import type { CountedLot } from './domain/stock-count';
import { listScoped, type DocumentTable } from '../shared/scoped-list.queries';

const STOCK_COUNTS: DocumentTable = {
  from: 'stock_count x',
  select: `x.id, x.agreement_id AS "agreementId", a.venue_code AS "venueCode", a.upt_code AS "uptCode", x.counted_at AS "countedAt", x.counted_by AS "countedBy",
           x.reason, x.lines`,
  orderBy: 'x.counted_at, x.id',
};

/** A stock count as read, with its agreement's parties. */
export interface StockCountRow {
  id: string;
  agreementId: string;
  venueCode: string;
  uptCode: string;
  countedAt: string;
  countedBy: string;
  reason: string;
  lines: CountedLot[];
}

/** Read side of the stock counts. */
@Injectable()
export class StockCountQueries {
  constructor(private readonly dataSource: DataSource) {}

  list(scope: AgreementScope, page: { limit: number; offset: number }) {
    return listScoped<StockCountRow>(this.dataSource, STOCK_COUNTS, scope, [], page);
  }

  /** One count within a read scope; one outside it is not found. */
  async findInScope(scope: ReadScope, id: string): Promise<StockCountRow | undefined> {
    const { items } = await listScoped<StockCountRow>(this.dataSource, STOCK_COUNTS, scope, [['x.id', id]], { limit: 1, offset: 0 });
    return items[0];
  }
}

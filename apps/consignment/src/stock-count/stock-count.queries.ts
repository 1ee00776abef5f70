import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AgreementScope } from '../shared/agreement-scope';
import { listScoped, type DocumentTable } from '../shared/scoped-list.queries';

const STOCK_COUNTS: DocumentTable = {
  from: 'stock_count x',
  select: `x.id, x.agreement_id AS "agreementId", a.venue_code AS "venueCode", x.counted_at AS "countedAt", x.counted_by AS "countedBy",
           x.reason, x.lines`,
  orderBy: 'x.counted_at, x.id',
};

/** Read side of the stock counts. */
@Injectable()
export class StockCountQueries {
  constructor(private readonly dataSource: DataSource) {}

  list(scope: AgreementScope, page: { limit: number; offset: number }) {
    return listScoped<object>(this.dataSource, STOCK_COUNTS, scope, [], page);
  }
}

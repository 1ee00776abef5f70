import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AgreementScope } from '../shared/agreement-scope';
import { listScoped, type DocumentTable } from '../shared/scoped-list.queries';
import type { RecordedSaleLine } from './domain/sale-line';

const SALES: DocumentTable = {
  from: 'sale_line x',
  select: `x.venue_code AS "venueCode", x.receipt_no AS "receiptNo", x.line_no AS "lineNo", x.agreement_id AS "agreementId",
           x.product_id AS "productId", x.quantity, x.unit_price::float8 AS "unitPrice", x.list_price::float8 AS "listPrice",
           x.amount::float8 AS amount, x.discount_reason AS "discountReason", x.sold_at AS "soldAt", x.period, x.allocations, x.batch_id AS "batchId"`,
  orderBy: 'x.sold_at, x.receipt_no, x.line_no',
};

/** Read side of the recorded sale lines. */
@Injectable()
export class SaleQueries {
  constructor(private readonly dataSource: DataSource) {}

  list(scope: AgreementScope, filter: { period?: string; receiptNo?: string }, page: { limit: number; offset: number }) {
    return listScoped<RecordedSaleLine>(
      this.dataSource,
      SALES,
      scope,
      [
        ['x.period', filter.period],
        ['x.receipt_no', filter.receiptNo],
      ],
      page,
    );
  }
}

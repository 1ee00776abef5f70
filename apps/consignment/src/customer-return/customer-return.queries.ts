import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AgreementScope } from '../shared/agreement-scope';
import { listScoped, type DocumentTable } from '../shared/scoped-list.queries';

const CUSTOMER_RETURNS: DocumentTable = {
  from: 'customer_return x',
  select: `x.venue_code AS "venueCode", x.return_no AS "returnNo", x.receipt_no AS "receiptNo", x.line_no AS "lineNo",
           x.agreement_id AS "agreementId", x.quantity, x.resellable, x.amount::float8 AS amount, x.reason, x.returned_at AS "returnedAt",
           x.period, x.lots`,
  orderBy: 'x.returned_at, x.return_no',
};

/** Read side of the customer returns. */
@Injectable()
export class CustomerReturnQueries {
  constructor(private readonly dataSource: DataSource) {}

  list(scope: AgreementScope, filter: { period?: string }, page: { limit: number; offset: number }) {
    return listScoped<object>(this.dataSource, CUSTOMER_RETURNS, scope, [['x.period', filter.period]], page);
  }
}

import { Injectable } from '@nestjs/common';
import type { Page } from '@titipan/platform';
import { DataSource } from 'typeorm';
import type { AgreementScope } from '../shared/agreement-scope';
import { listScoped, type DocumentTable } from '../shared/scoped-list.queries';
import type { LotBalance } from './domain/balance';
import type { Bucket } from './domain/movement';

/** A lot on hand, with what the product is and where it is. */
export interface StockOnHandRow extends LotBalance {
  venueCode: string;
  uptCode: string;
  sku: string | null;
  name: string | null;
  productStatus: string | null;
  timeZone: string;
}

const ON_HAND: DocumentTable = {
  from: 'stock_balance x LEFT JOIN product_replica p ON p.product_id = x.product_id',
  select: `x.agreement_id AS "agreementId", a.venue_code AS "venueCode", a.upt_code AS "uptCode", x.product_id AS "productId",
           p.sku, p.name, p.status AS "productStatus", x.lot_code AS "lotCode", to_char(x.expiry_date, 'YYYY-MM-DD') AS "expiryDate",
           x.bucket, x.quantity, v.time_zone AS "timeZone"`,
  orderBy: 'a.venue_code, a.upt_code, p.sku, x.expiry_date, x.lot_code, x.bucket',
  always: ['x.quantity > 0'],
};

/** Read side of the stock balances. */
@Injectable()
export class StockQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Stock on hand by lot. */
  onHand(
    scope: AgreementScope,
    filter: { productId?: string; bucket?: Bucket },
    page: { limit: number; offset: number },
  ): Promise<Page<StockOnHandRow>> {
    return listScoped<StockOnHandRow>(
      this.dataSource,
      ON_HAND,
      scope,
      [
        ['x.product_id', filter.productId],
        ['x.bucket', filter.bucket],
      ],
      page,
    );
  }
}

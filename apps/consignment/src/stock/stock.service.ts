import { localDate } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import type { Actor } from '@titipan/contracts';
import type { Page } from '@titipan/platform';
import { AgreementStore } from '../agreement/agreement.store';
import { agreementScope } from '../shared/agreement-scope';
import { isExpired } from './domain/fefo';
import type { StockQueryDto } from './stock.dto';
import { StockQueries, type StockOnHandRow } from './stock.queries';

export type StockOnHand = Omit<StockOnHandRow, 'timeZone'> & { sellable: boolean };

/** What is on hand where, and whether it can be sold now. */
@Injectable()
export class StockService {
  constructor(
    private readonly queries: StockQueries,
    private readonly agreements: AgreementStore,
  ) {}

  async onHand(query: StockQueryDto, actor: Actor): Promise<Page<StockOnHand>> {
    const page = await this.queries.onHand(
      await agreementScope(actor, query, (a) => this.agreements.find(a)),
      { productId: query.product, bucket: query.bucket },
      query,
    );
    const now = new Date();
    const items = page.items.map(({ timeZone, ...row }) => ({
      ...row,
      // sellable now: on the shelf, not expired in the venue's calendar, product not suspended
      sellable: row.bucket === 'SELLABLE' && row.productStatus === 'APPROVED' && !isExpired(row.expiryDate, localDate(now, timeZone)),
    }));
    return { ...page, items };
  }
}

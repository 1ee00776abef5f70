import { Injectable } from '@nestjs/common';
import type { ReadScope } from '@titipan/platform';
import { DataSource } from 'typeorm';
import type { AgreementScope } from '../shared/agreement-scope';
import { listScoped, type DocumentTable } from '../shared/scoped-list.queries';
import type { UptReturn } from './domain/upt-return';

export type UptReturnRow = UptReturn & { venueCode: string; uptCode: string };

const UPT_RETURNS: DocumentTable = {
  from: 'upt_return x',
  select: `x.id, x.agreement_id AS "agreementId", a.venue_code AS "venueCode", a.upt_code AS "uptCode", x.reason, x.status,
           x.shipped_at AS "shippedAt", x.received_at AS "receivedAt", x.lines`,
  orderBy: 'x.shipped_at, x.id',
};

/** Read side of the returns to UPTs. */
@Injectable()
export class UptReturnQueries {
  constructor(private readonly dataSource: DataSource) {}

  list(scope: AgreementScope, filter: { status?: string }, page: { limit: number; offset: number }) {
    return listScoped<UptReturnRow>(this.dataSource, UPT_RETURNS, scope, [['x.status', filter.status]], page);
  }

  /** One return within a read scope; one outside it is not found. */
  async findInScope(scope: ReadScope, id: string): Promise<UptReturnRow | undefined> {
    const { items } = await listScoped<UptReturnRow>(this.dataSource, UPT_RETURNS, scope, [['x.id', id]], { limit: 1, offset: 0 });
    return items[0];
  }
}

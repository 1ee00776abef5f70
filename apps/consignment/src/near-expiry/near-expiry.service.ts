import { newId } from '@titipan/kernel';
import { Inject, Injectable } from '@nestjs/common';
import { LotNearExpiry, type Actor } from '@titipan/contracts';
import { PLATFORM_CONFIG, readScope, UnitOfWork, type Page, type ReadScope } from '@titipan/platform';
import type { ConsignmentConfig } from '../consignment-config';
import { daysLeft, horizonOf, type NearExpiryLot } from './domain/near-expiry';
import { NearExpiryStore } from './near-expiry.store';
import { ProposedReturnStore } from '../proposed-return/proposed-return.store';
import type { NearExpiryQueryDto } from './near-expiry.dto';

/** Sellable lots that expire within a window, per venue, and a once-per-lot warning event. */
@Injectable()
export class NearExpiryService {
  constructor(
    private readonly store: NearExpiryStore,
    private readonly uow: UnitOfWork,
    private readonly proposals: ProposedReturnStore,
    @Inject(PLATFORM_CONFIG) private readonly config: ConsignmentConfig,
  ) {}

  async find(scope: ReadScope, days = this.config.NEAR_EXPIRY_DAYS, at = new Date()): Promise<NearExpiryLot[]> {
    // widest first pass in SQL (a day either side for time zones), exact per-venue calendar in code
    const rows = await this.store.expiringBy(scope, horizonOf(at, days));
    return rows
      .map(({ timeZone, ...row }) => ({ ...row, daysLeft: daysLeft(row.expiryDate, at, timeZone) }))
      .filter((lot) => lot.daysLeft <= days);
  }

  /**
   * A page of the lots expiring within the window. Paged after the exact per-venue filter, in memory: the lots
   * of one scope that are near expiry are few (bounded by the stock on hand), and the filter needs each
   * venue's calendar.
   */
  async page(actor: Actor, query: NearExpiryQueryDto): Promise<Page<NearExpiryLot>> {
    const lots = await this.find(readScope(actor), query.days);
    return { items: lots.slice(query.offset, query.offset + query.limit), total: lots.length, limit: query.limit, offset: query.offset };
  }

  /**
   * Publishes a warning for each lot newly inside the window, with a return of the lot proposed in the same
   * transaction (the UPT confirms it in one action); a lot is warned about once.
   */
  async scan(at = new Date()): Promise<{ flagged: NearExpiryLot[] }> {
    const lots = (await this.find({}, undefined, at)).filter((l) => !l.flagged);
    const flagged: NearExpiryLot[] = [];
    for (const lot of lots) {
      await this.uow.run(async (tx) => {
        if (!(await this.store.flag(tx.manager, lot))) return; // another instance flagged it meanwhile
        const proposedReturnId = await this.proposals.propose(tx.manager, {
          id: newId(),
          agreementId: lot.agreementId,
          cause: 'NEAR_EXPIRY',
          causeKey: `${lot.productId}/${lot.lotCode}`,
          reason: 'expired',
          lines: [{ productId: lot.productId, lotCode: lot.lotCode, bucket: 'SELLABLE', quantity: lot.quantity }],
        });
        tx.publish(LotNearExpiry, {
          agreementId: lot.agreementId,
          productId: lot.productId,
          lotCode: lot.lotCode,
          expiryDate: lot.expiryDate,
          quantity: lot.quantity,
          daysLeft: lot.daysLeft,
          proposedReturnId,
        });
        flagged.push({ ...lot, flagged: true });
      });
    }
    return { flagged };
  }
}

import { newId, notFound, refuse } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { settlementPeriodOf } from '../agreement/domain/agreement';
import { isoWithOffset, StockAdjusted, type Actor } from '@titipan/contracts';
import { assertInScope, readScope, UnitOfWork } from '@titipan/platform';
import { AgreementStore } from '../agreement/agreement.store';
import { agreementScope } from '../shared/agreement-scope';
import type { AgreementScopedQueryDto } from '../shared/agreement-scope.dto';
import { lotKey, lotPriceKey } from '../stock/domain/balance';
import { documentTime } from '../stock/domain/document-time';
import type { Movement } from '../stock/domain/movement';
import { StockStore } from '../stock/stock.store';
import type { CountedLot, StockCount } from './domain/stock-count';
import { STOCK_COUNT_REFUSAL_KIND, stockCountRefusal } from './domain/stock-count-rules';
import type { StockCountDto } from './stock-count.dto';
import { StockCountQueries, type StockCountRow } from './stock-count.queries';
import { StockCountStore } from './stock-count.store';
import { assertPeriodsOpen } from '../stock/domain/ledger-rules';

/** Stock opname: counted against book per lot; each variance becomes an adjustment with the count's reason. */
@Injectable()
export class StockCountService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly agreements: AgreementStore,
    private readonly ledger: StockStore,
    private readonly counts: StockCountStore,
    private readonly queries: StockCountQueries,
  ) {}

  async count(input: StockCountDto, actor: Actor): Promise<StockCount> {
    const countedAt = documentTime(input.countedAt, 'countedAt', new Date());
    const id = newId();
    return this.uow.run(async (tx) => {
      const agreement = await this.agreements.lockExisting(tx.manager, input.agreementId);
      assertInScope(actor, 'venue', agreement.venueCode);
      const productIds = input.lines.map((l) => l.productId);
      const balances = await this.ledger.lotBalances(tx.manager, agreement.id, productIds);
      const prices = await this.ledger.lotPrices(tx.manager, agreement.id, productIds);
      const period = settlementPeriodOf(agreement, countedAt);
      const keyed = input.lines.map((line) => {
        const bucket = line.bucket ?? 'SELLABLE';
        const key = lotKey({ ...line, bucket });
        const balance = balances.get(key) ?? balances.get(lotKey({ ...line, bucket: bucket === 'SELLABLE' ? 'QUARANTINE' : 'SELLABLE' }));
        return { line, bucket, key, balance, price: prices.get(lotPriceKey(line)) };
      });
      const firstLine = new Map<string, number>();
      keyed.forEach(({ key }, i) => firstLine.set(key, firstLine.get(key) ?? i + 1));
      const refusal = stockCountRefusal(
        keyed.map(({ line, key, balance, price }, i) => ({
          line: i + 1,
          lotCode: line.lotCode,
          firstLineOfLot: firstLine.get(key)!,
          known: balance !== undefined && price !== undefined,
        })),
      );
      if (refusal) refuse(refusal, STOCK_COUNT_REFUSAL_KIND);
      // every lot is known past the rules: it has a balance and a price
      const lines = keyed.map(({ line, bucket, key, balance, price }): CountedLot => {
        const book = balances.get(key)?.quantity ?? 0;
        return {
          productId: line.productId,
          lotCode: line.lotCode,
          expiryDate: balance!.expiryDate,
          bucket,
          book,
          counted: line.counted,
          variance: line.counted - book,
          unitPrice: price!,
        };
      });
      const variances = lines.filter((l) => l.variance !== 0);
      if (variances.length > 0) assertPeriodsOpen(await this.ledger.closedPeriods(tx.manager, agreement.id, [period]));
      const movements: Movement[] = variances.map((l) => ({
        agreementId: agreement.id,
        productId: l.productId,
        lotCode: l.lotCode,
        expiryDate: l.expiryDate,
        bucket: l.bucket,
        kind: 'ADJUSTMENT',
        quantity: l.variance,
        unitPrice: l.unitPrice,
        occurredAt: countedAt,
        period,
        document: `stock-count:${id}`,
      }));
      await this.counts.insert(tx.manager, { id, agreementId: agreement.id, countedAt, countedBy: actor.id, reason: input.reason, lines });
      // a count that matches the book publishes nothing, yet was made: the audit trail still has it
      tx.audit({ entity: 'stock-count', id, action: 'consignment.stock-count.recorded', scopeKey: agreement.id });
      await this.ledger.record(tx.manager, movements);
      if (variances.length > 0) {
        tx.publish(StockAdjusted, {
          agreementId: agreement.id,
          countId: id,
          reason: input.reason,
          countedAt: isoWithOffset(countedAt),
          period,
          lines: variances,
        });
      }
      return { id, agreementId: agreement.id, countedAt: countedAt.toISOString(), period, reason: input.reason, lines };
    });
  }

  async list(query: AgreementScopedQueryDto, actor: Actor) {
    return this.queries.list(await agreementScope(actor, query, (a) => this.agreements.find(a)), query);
  }

  /** One count within the caller's scope; outside the scope looks the same as absent (as a return's GET). */
  async getInScope(id: string, actor: Actor): Promise<StockCountRow> {
    const found = await this.queries.findInScope(readScope(actor), id);
    if (!found) throw notFound('stock_count', id);
    return found;
  }
}

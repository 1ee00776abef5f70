import { DomainError, refuse } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { settlementPeriodOf } from '../agreement/domain/agreement';
import { isoWithOffset, SaleReversed, type Actor } from '@titipan/contracts';
import { UnitOfWork } from '@titipan/platform';
import { AgreementStore } from '../agreement/agreement.store';
import { SaleStore } from '../sale/sale.store';
import { agreementScope } from '../shared/agreement-scope';
import type { AgreementPeriodQueryDto } from '../shared/agreement-scope.dto';
import { documentTime } from '../stock/domain/document-time';
import type { Movement } from '../stock/domain/movement';
import { StockStore } from '../stock/stock.store';
import type { CustomerReturnDto } from './customer-return.dto';
import { CustomerReturnQueries } from './customer-return.queries';
import { CustomerReturnStore } from './customer-return.store';
import { isResentReturn, lotsToRestock, type CustomerReturn } from './domain/customer-return';
import { CUSTOMER_RETURN_REFUSAL_KIND, customerReturnRefusal } from './domain/return-rules';
import { assertPeriodsOpen } from '../stock/domain/ledger-rules';

/** A customer brings goods back: the sale line is reversed, the goods go back on the shelf or to quarantine. */
@Injectable()
export class CustomerReturnService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly agreements: AgreementStore,
    private readonly sales: SaleStore,
    private readonly returns: CustomerReturnStore,
    private readonly queries: CustomerReturnQueries,
    private readonly ledger: StockStore,
  ) {}

  async record(input: CustomerReturnDto, actor: Actor): Promise<CustomerReturn> {
    const venueCode = actor.scope!;
    const now = new Date();
    const returnedAt = documentTime(input.returnedAt, 'returnedAt', now);
    const sale = await this.sales.findSale(venueCode, input.receiptNo, input.lineNo);
    if (!sale) {
      throw new DomainError(
        'not_found',
        'SALE_LINE_NOT_FOUND',
        `no sale with receipt ${input.receiptNo} line ${input.lineNo} at ${venueCode}`,
        { receiptNo: input.receiptNo, lineNo: input.lineNo },
      );
    }
    return this.uow.run(async (tx) => {
      const agreement = await this.agreements.lockExisting(tx.manager, sale.agreementId);
      const recorded = await this.returns.find(tx.manager, venueCode, input.returnNo);
      if (recorded && isResentReturn(input, recorded)) return { ...recorded, status: 'duplicate' as const };
      const returnedByLot = await this.returns.returnedByLot(tx.manager, venueCode, input.receiptNo, input.lineNo);
      const alreadyReturned = [...returnedByLot.values()].reduce((s, q) => s + q, 0);
      const refusal = customerReturnRefusal({ input, returnedAt, sale, recorded, alreadyReturned });
      if (refusal) refuse(refusal, CUSTOMER_RETURN_REFUSAL_KIND);
      const period = settlementPeriodOf(agreement, returnedAt);
      assertPeriodsOpen(await this.ledger.closedPeriods(tx.manager, agreement.id, [period]));
      const bucket = input.resellable ? ('SELLABLE' as const) : ('QUARANTINE' as const);
      const lots = lotsToRestock(sale, returnedByLot, input.quantity).map((l) => ({
        productId: sale.productId,
        ...l,
        bucket,
        unitPrice: sale.unitPrice,
      }));
      const movements: Movement[] = lots.map((l) => ({
        agreementId: agreement.id,
        productId: sale.productId,
        lotCode: l.lotCode,
        expiryDate: l.expiryDate,
        bucket,
        kind: 'CUSTOMER_RETURN',
        quantity: l.quantity,
        unitPrice: sale.unitPrice,
        occurredAt: returnedAt,
        period,
        document: `customer-return:${venueCode}:${input.returnNo}`,
      }));
      const result: CustomerReturn = {
        status: 'accepted',
        returnNo: input.returnNo,
        receiptNo: input.receiptNo,
        lineNo: input.lineNo,
        agreementId: agreement.id,
        quantity: input.quantity,
        resellable: input.resellable,
        amount: input.quantity * sale.unitPrice,
        returnedAt: returnedAt.toISOString(),
        period,
        lots,
      };
      await this.returns.insert(tx.manager, venueCode, result, input.reason);
      await this.ledger.record(tx.manager, movements);
      tx.publish(SaleReversed, {
        agreementId: agreement.id,
        returnNo: input.returnNo,
        receiptNo: input.receiptNo,
        lineNo: input.lineNo,
        resellable: input.resellable,
        amount: result.amount,
        returnedAt: isoWithOffset(returnedAt),
        period,
        lots,
      });
      return result;
    });
  }

  async list(query: AgreementPeriodQueryDto, actor: Actor) {
    return this.queries.list(await agreementScope(actor, query, (a) => this.agreements.find(a)), { period: query.period }, query);
  }
}

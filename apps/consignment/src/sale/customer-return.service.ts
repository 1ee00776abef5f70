import { DomainError, periodOf } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { isoWithOffset, SaleReversed, type Actor } from '@titipan/contracts';
import { UnitOfWork } from '@titipan/platform';
import { AgreementRepository } from '../agreement/agreement.repository';
import { documentTime } from '../stock/domain/document-time';
import type { Movement } from '../stock/domain/movement';
import { StockLedger } from '../stock/stock-ledger';
import type { CustomerReturnDto } from './sale.dto';
import { SaleLineRepository, type RecordedSaleLine } from './sale-line.repository';

export interface CustomerReturn {
  status: 'accepted' | 'duplicate';
  returnNo: string;
  receiptNo: string;
  lineNo: number;
  agreementId: string;
  quantity: number;
  resellable: boolean;
  amount: number;
  returnedAt: string;
  period: string;
  lots: {
    productId: string;
    lotCode: string;
    expiryDate: string;
    bucket: 'SELLABLE' | 'QUARANTINE';
    quantity: number;
    unitPrice: number;
  }[];
}

/**
 * Lots a returned quantity goes back to: the lots the sale took from, latest first, less what earlier
 * returns of the same line already took back.
 */
export function lotsToRestock(sale: RecordedSaleLine, alreadyReturned: Map<string, number>, quantity: number) {
  const lots: { lotCode: string; expiryDate: string; quantity: number }[] = [];
  let remaining = quantity;
  for (const a of [...sale.allocations].reverse()) {
    const free = a.quantity - (alreadyReturned.get(a.lotCode) ?? 0);
    const take = Math.min(free, remaining);
    if (take > 0) lots.push({ lotCode: a.lotCode, expiryDate: a.expiryDate, quantity: take });
    remaining -= take;
    if (remaining === 0) break;
  }
  return lots;
}

/** A customer brings goods back: the sale line is reversed, the goods go back on the shelf or to quarantine. */
@Injectable()
export class CustomerReturnService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly agreements: AgreementRepository,
    private readonly sales: SaleLineRepository,
    private readonly ledger: StockLedger,
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
        {
          receiptNo: input.receiptNo,
          lineNo: input.lineNo,
        },
      );
    }
    return this.uow.run(async (tx) => {
      const agreement = await this.agreements.lockExisting(tx.manager, sale.agreementId);
      const earlier = await this.sales.findReturn(tx.manager, venueCode, input.returnNo);
      if (earlier) {
        const same =
          earlier.receiptNo === input.receiptNo &&
          earlier.lineNo === input.lineNo &&
          earlier.quantity === input.quantity &&
          earlier.resellable === input.resellable;
        if (!same)
          throw new DomainError('conflict', 'RETURN_NO_CONFLICT', `return ${input.returnNo} was already recorded with other content`, {
            recorded: earlier,
          });
        return { ...earlier, status: 'duplicate' as const };
      }
      if (returnedAt < new Date(sale.soldAt)) {
        throw new DomainError('rule', 'RETURNED_BEFORE_SALE', 'returnedAt is before the sale', {
          field: 'returnedAt',
          soldAt: sale.soldAt,
        });
      }
      const returnedByLot = await this.sales.returnedByLot(tx.manager, venueCode, input.receiptNo, input.lineNo);
      const returned = [...returnedByLot.values()].reduce((s, q) => s + q, 0);
      if (input.quantity > sale.quantity - returned) {
        throw new DomainError(
          'rule',
          'RETURN_EXCEEDS_SALE',
          `${input.quantity} returned, but ${sale.quantity - returned} of ${sale.quantity} remain on the sale`,
          {
            sold: sale.quantity,
            returned,
            requested: input.quantity,
          },
        );
      }
      const period = periodOf(returnedAt, agreement.timeZone);
      await this.ledger.assertPeriodsOpen(tx.manager, agreement.id, [period]);
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
      await this.sales.insertReturn(tx.manager, venueCode, result, input.reason);
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
}

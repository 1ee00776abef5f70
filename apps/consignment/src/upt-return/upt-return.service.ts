import { newId, notFound, refuse } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { settlementPeriodOf, type Agreement } from '../agreement/domain/agreement';
import { isoWithOffset, ReturnReceived, ReturnShipped, type Actor } from '@titipan/contracts';
import { assertInScope, readScope, UnitOfWork, type Tx } from '@titipan/platform';
import { AgreementStore } from '../agreement/agreement.store';
import { agreementScope } from '../shared/agreement-scope';
import { lotKey, lotPriceKey } from '../stock/domain/balance';
import { documentTime } from '../stock/domain/document-time';
import type { Movement } from '../stock/domain/movement';
import { StockStore } from '../stock/stock.store';
import type { ReturnedLot, UptReturn } from './domain/upt-return';
import { returnLineRefusal, returnReceiptRefusal, UPT_RETURN_REFUSAL_KIND } from './domain/upt-return-rules';
import type { ShipReturnDto, UptReturnQueryDto } from './upt-return.dto';
import { UptReturnQueries, type UptReturnRow } from './upt-return.queries';
import { UptReturnStore } from './upt-return.store';
import { assertPeriodsOpen } from '../stock/domain/ledger-rules';

/**
 * Goods going back from a venue to its UPT (unsold, expired, damaged, recall). They leave the venue's
 * stock when shipped; the UPT confirms arrival. Returns stay possible after an agreement ends.
 */
@Injectable()
export class UptReturnService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly agreements: AgreementStore,
    private readonly ledger: StockStore,
    private readonly returns: UptReturnStore,
    private readonly queries: UptReturnQueries,
  ) {}

  /** The venue ships goods back to the UPT. */
  ship(input: ShipReturnDto, actor: Actor): Promise<UptReturn> {
    return this.shipAuthorised(input, actor, (agreement) => assertInScope(actor, 'venue', agreement.venueCode));
  }

  /**
   * Ships a return once `authorise` (run under the agreement's lock, in the same transaction) lets the actor: the
   * venue's own shipment, or the confirmation of a proposed return, which may come from the UPT (near-expiry) and
   * records the proposal as confirmed in the same transaction.
   */
  async shipAuthorised(
    input: ShipReturnDto,
    actor: Actor,
    authorise: (agreement: Agreement, tx: Tx) => void | Promise<void>,
    id: string = newId(),
  ): Promise<UptReturn> {
    const shippedAt = documentTime(input.shippedAt, 'shippedAt', new Date());
    await this.uow.run(async (tx) => {
      const agreement = await this.agreements.lockExisting(tx.manager, input.agreementId);
      await authorise(agreement, tx);
      const productIds = input.lines.map((l) => l.productId);
      const balances = await this.ledger.lotBalances(tx.manager, agreement.id, productIds);
      const prices = await this.ledger.lotPrices(tx.manager, agreement.id, productIds);
      const period = settlementPeriodOf(agreement, shippedAt);
      assertPeriodsOpen(await this.ledger.closedPeriods(tx.manager, agreement.id, [period]));
      const lines = input.lines.map((line, i): ReturnedLot => {
        const bucket = line.bucket ?? 'SELLABLE';
        const balance = balances.get(lotKey({ ...line, bucket }));
        const refusal = returnLineRefusal({ lineNo: i + 1, quantity: line.quantity, bucket, onHand: balance?.quantity ?? 0 });
        if (refusal) refuse(refusal, UPT_RETURN_REFUSAL_KIND);
        balance!.quantity -= line.quantity; // two lines of the same lot add up
        return {
          productId: line.productId,
          lotCode: line.lotCode,
          expiryDate: balance!.expiryDate,
          bucket,
          quantity: line.quantity,
          unitPrice: prices.get(lotPriceKey(line))!,
        };
      });
      const movements: Movement[] = lines.map((l) => ({
        agreementId: agreement.id,
        ...l,
        kind: 'RETURNED_TO_UPT',
        quantity: -l.quantity,
        occurredAt: shippedAt,
        period,
        document: `upt-return:${id}`,
      }));
      await this.returns.insert(tx.manager, { id, agreementId: agreement.id, reason: input.reason, shippedAt, shippedBy: actor.id, lines });
      await this.ledger.record(tx.manager, movements);
      tx.publish(ReturnShipped, {
        agreementId: agreement.id,
        returnId: id,
        reason: input.reason,
        shippedAt: isoWithOffset(shippedAt),
        period,
        lines,
      });
    });
    return this.get(id);
  }

  /** The UPT confirms the goods arrived back. */
  async receive(id: string, actor: Actor): Promise<UptReturn> {
    const found = await this.get(id);
    await this.uow.run(async (tx) => {
      const agreement = await this.agreements.lockExisting(tx.manager, found.agreementId);
      assertInScope(actor, 'upt', agreement.uptCode);
      const refusal = returnReceiptRefusal({ returnId: id, status: await this.returns.status(tx.manager, id) });
      if (refusal) refuse(refusal, UPT_RETURN_REFUSAL_KIND);
      const receivedAt = new Date();
      await this.returns.markReceived(tx.manager, id, receivedAt, actor.id);
      tx.publish(ReturnReceived, { agreementId: agreement.id, returnId: id, receivedAt: isoWithOffset(receivedAt) });
      tx.audit({
        entity: 'return',
        id,
        action: 'consignment.return.received',
        before: { status: 'SHIPPED' },
        after: { status: 'RECEIVED' },
      });
    });
    return this.get(id);
  }

  async list(query: UptReturnQueryDto, actor: Actor) {
    return this.queries.list(await agreementScope(actor, query, (a) => this.agreements.find(a)), { status: query.status }, query);
  }

  /** One return within the caller's scope; outside the scope looks the same as absent. */
  async getInScope(id: string, actor: Actor): Promise<UptReturnRow> {
    const found = await this.queries.findInScope(readScope(actor), id);
    if (!found) throw notFound('return', id);
    return found;
  }

  /** A return by id (also what a retried confirmation of a proposed return answers). */
  async get(id: string): Promise<UptReturn> {
    const found = await this.returns.find(id);
    if (!found) throw notFound('return', id);
    return found;
  }
}

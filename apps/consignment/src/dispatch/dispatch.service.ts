import { notFound, localDate, newId, refuse } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { settlementPeriodOf } from '../agreement/domain/agreement';
import { DispatchCancelled, DispatchCreated, isoWithOffset, ReceiptConfirmed, type Actor } from '@titipan/contracts';
import { assertInScope, UnitOfWork, type Page, type Tx } from '@titipan/platform';
import { assertMayRead } from '@titipan/platform';
import type { Agreement } from '../agreement/domain/agreement';
import { AgreementStore } from '../agreement/agreement.store';
import { ProductReplicaStore } from '../product-replica/product-replica.store';
import { agreementScope } from '../shared/agreement-scope';
import type { Movement } from '../stock/domain/movement';
import { documentTime } from '../stock/domain/document-time';
import {
  cancellationRefusal,
  DISPATCH_REFUSAL_KIND,
  dispatchAgreementRefusal,
  dispatchDayRefusal,
  dispatchedLine,
  dispatchLineRefusal,
  dispatchLinesRefusal,
} from './domain/dispatch-rules';
import { RECEIPT_REFUSAL_KIND, receiptRefusal } from './domain/receipt-rules';
import { StockStore } from '../stock/stock.store';
import type { ConfirmReceiptDto, CreateDispatchDto, DispatchQueryDto } from './dispatch.dto';
import type { Dispatch } from './domain/dispatch';
import { DispatchStore } from './dispatch.store';
import { assertPeriodsOpen } from '../stock/domain/ledger-rules';

/** Surat jalan from a UPT to a venue, and the venue's berita acara on arrival. */
@Injectable()
export class DispatchService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly dispatches: DispatchStore,
    private readonly agreements: AgreementStore,
    private readonly products: ProductReplicaStore,
    private readonly ledger: StockStore,
  ) {}

  async create(input: CreateDispatchDto, actor: Actor): Promise<Dispatch> {
    const now = new Date();
    const dispatchedAt = documentTime(input.dispatchedAt, 'dispatchedAt', now);
    const linesRefusal = dispatchLinesRefusal(input.lines);
    if (linesRefusal) refuse(linesRefusal, DISPATCH_REFUSAL_KIND);
    const id = newId();
    await this.uow.run(async (tx) => {
      const agreement = await this.activeAgreement(tx, input.agreementId);
      assertInScope(actor, 'upt', agreement.uptCode);
      const day = localDate(dispatchedAt, agreement.timeZone);
      const dayRefusal = dispatchDayRefusal({ agreement, day });
      if (dayRefusal) refuse(dayRefusal, DISPATCH_REFUSAL_KIND);
      const productIds = input.lines.map((l) => l.productId);
      const products = await this.products.find(productIds, tx.manager);
      const histories = await this.products.priceHistories(tx.manager, productIds);
      const lines = input.lines.map((line, i) => {
        const candidate = {
          lineNo: i + 1,
          line,
          product: products.get(line.productId),
          agreement,
          dispatchedAt,
          day,
          priceHistory: histories.get(line.productId),
        };
        const refusal = dispatchLineRefusal(candidate);
        if (refusal) refuse(refusal, DISPATCH_REFUSAL_KIND);
        return dispatchedLine(candidate);
      });
      const number = await this.dispatches.nextNumber(tx.manager, agreement.uptCode, Number(day.slice(0, 4)));
      await this.dispatches.insert(
        tx.manager,
        {
          id,
          number,
          agreementId: agreement.id,
          uptCode: agreement.uptCode,
          venueCode: agreement.venueCode,
          dispatchedAt: dispatchedAt.toISOString(),
          lines: lines.map((l) => ({ ...l, accepted: null, damaged: null, short: null, reason: null })),
        },
        actor.id,
      );
      tx.publish(DispatchCreated, {
        agreementId: agreement.id,
        dispatchId: id,
        number,
        uptCode: agreement.uptCode,
        venueCode: agreement.venueCode,
        dispatchedAt: isoWithOffset(dispatchedAt),
        lines,
      });
    });
    return (await this.dispatches.find(id))!;
  }

  async cancel(id: string, reason: string, actor: Actor): Promise<Dispatch> {
    await this.withDispatch(id, async (tx, dispatch) => {
      assertInScope(actor, 'upt', dispatch.uptCode);
      const refusal = cancellationRefusal(dispatch);
      if (refusal) refuse(refusal, DISPATCH_REFUSAL_KIND);
      await this.dispatches.markCancelled(tx.manager, id, reason);
      tx.publish(DispatchCancelled, { agreementId: dispatch.agreementId, dispatchId: id, reason });
      tx.audit({
        entity: 'dispatch',
        id,
        action: 'consignment.dispatch.cancelled',
        before: { status: dispatch.status },
        after: { status: 'CANCELLED' },
      });
    });
    return (await this.dispatches.find(id))!;
  }

  /** Only the venue named on the dispatch confirms it, once; accepted stock becomes sellable. */
  async confirmReceipt(id: string, input: ConfirmReceiptDto, actor: Actor): Promise<Dispatch> {
    const now = new Date();
    const receivedAt = documentTime(input.receivedAt, 'receivedAt', now);
    await this.withDispatch(id, async (tx, dispatch, agreement) => {
      assertInScope(actor, 'venue', dispatch.venueCode);
      const refusal = receiptRefusal({ dispatch, receivedAt, lines: input.lines });
      if (refusal) refuse(refusal, RECEIPT_REFUSAL_KIND);
      const byLine = new Map(input.lines.map((l) => [l.lineNo, l]));
      const period = settlementPeriodOf(agreement, receivedAt);
      assertPeriodsOpen(await this.ledger.closedPeriods(tx.manager, agreement.id, [period]));
      const movements: Movement[] = dispatch.lines.flatMap((line) => {
        const r = byLine.get(line.lineNo)!;
        const base = {
          agreementId: agreement.id,
          productId: line.productId,
          lotCode: line.lotCode,
          expiryDate: line.expiryDate,
          unitPrice: line.unitPrice,
          occurredAt: receivedAt,
          period,
          document: `dispatch:${id}:${line.lineNo}`,
        };
        return [
          ...(r.accepted > 0 ? [{ ...base, bucket: 'SELLABLE' as const, kind: 'RECEIVED' as const, quantity: r.accepted }] : []),
          ...(r.damaged > 0 ? [{ ...base, bucket: 'QUARANTINE' as const, kind: 'RECEIVED_DAMAGED' as const, quantity: r.damaged }] : []),
        ];
      });
      await this.dispatches.markReceived(tx.manager, id, receivedAt, period, actor.id, input.lines);
      tx.audit({
        entity: 'dispatch',
        id,
        action: 'consignment.dispatch.received',
        before: { status: dispatch.status },
        after: { status: 'RECEIVED' },
      });
      await this.ledger.record(tx.manager, movements);
      tx.publish(ReceiptConfirmed, {
        agreementId: agreement.id,
        dispatchId: id,
        receivedAt: isoWithOffset(receivedAt),
        period,
        lines: dispatch.lines.map((line) => {
          const r = byLine.get(line.lineNo)!;
          return {
            lineNo: line.lineNo,
            productId: line.productId,
            lotCode: line.lotCode,
            expiryDate: line.expiryDate,
            dispatched: line.quantity,
            accepted: r.accepted,
            damaged: r.damaged,
            short: r.short,
            unitPrice: line.unitPrice,
            reason: r.reason,
          };
        }),
      });
    });
    return (await this.dispatches.find(id))!;
  }

  async get(id: string, actor: Actor): Promise<Dispatch> {
    const dispatch = await this.dispatches.find(id);
    if (!dispatch) throw notFound('dispatch', id);
    assertMayRead(actor, dispatch);
    return dispatch;
  }

  async list(query: DispatchQueryDto, actor: Actor): Promise<Page<Dispatch>> {
    const { items, total } = await this.dispatches.list(
      await agreementScope(actor, query, (a) => this.agreements.find(a)),
      { status: query.status },
      query,
    );
    return { items, total, limit: query.limit, offset: query.offset };
  }

  private async activeAgreement(tx: Tx, id: string): Promise<Agreement> {
    const agreement = await this.agreements.lock(tx.manager, id);
    if (!agreement) throw notFound('agreement', id);
    const refusal = dispatchAgreementRefusal(agreement);
    if (refusal) refuse(refusal, DISPATCH_REFUSAL_KIND);
    return agreement;
  }

  /** Locks the dispatch's agreement first, so all stock changes of an agreement happen in order. */
  private async withDispatch(id: string, work: (tx: Tx, dispatch: Dispatch, agreement: Agreement) => Promise<void>): Promise<void> {
    const agreementId = await this.dispatches.agreementOf(id);
    if (!agreementId) throw notFound('dispatch', id);
    await this.uow.run(async (tx) => {
      const agreement = (await this.agreements.lock(tx.manager, agreementId))!;
      const dispatch = (await this.dispatches.find(id, tx.manager))!;
      await work(tx, dispatch, agreement);
    });
  }
}

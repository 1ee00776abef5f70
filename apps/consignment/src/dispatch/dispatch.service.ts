import { DomainError, notFound, localDate, periodOf, newId } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { DispatchCancelled, DispatchCreated, isoWithOffset, NO_EXPIRY, ReceiptConfirmed, type Actor } from '@titipan/contracts';
import { assertInScope, UnitOfWork, type Page, type Tx } from '@titipan/platform';
import { assertMayRead } from '@titipan/platform';
import { assertWithinValidity, type Agreement } from '../agreement/domain/agreement';
import { AgreementStore } from '../agreement/agreement.store';
import { listPriceAt } from '../agreement/domain/list-price';
import { ProductReplicaStore } from '../product-replica/product-replica.store';
import { productRefusal } from '../product-replica/domain/product-rules';
import { agreementScope } from '../shared/agreement-scope';
import { isExpired } from '../stock/domain/fefo';
import type { Movement } from '../stock/domain/movement';
import { documentTime } from '../stock/domain/document-time';
import { receiptLineProblems } from './domain/receipt-rules';
import { StockStore } from '../stock/stock.store';
import type { ConfirmReceiptDto, CreateDispatchDto, DispatchQueryDto } from './dispatch.dto';
import type { Dispatch } from './domain/dispatch';
import { DispatchStore } from './dispatch.store';

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
    const seen = new Set<string>();
    for (const [i, line] of input.lines.entries()) {
      const key = `${line.productId}|${line.lotCode}`;
      if (seen.has(key))
        throw new DomainError('validation', 'DUPLICATE_LINE', `line ${i + 1} repeats product and lot of an earlier line`, { line: i + 1 });
      seen.add(key);
    }
    const id = newId();
    await this.uow.run(async (tx) => {
      const agreement = await this.activeAgreement(tx, input.agreementId);
      assertInScope(actor, 'upt', agreement.uptCode);
      assertWithinValidity(agreement, localDate(dispatchedAt, agreement.timeZone));
      const productIds = input.lines.map((l) => l.productId);
      const products = await this.products.find(productIds, tx.manager);
      const histories = await this.products.priceHistories(tx.manager, productIds);
      const today = localDate(dispatchedAt, agreement.timeZone);
      const lines = input.lines.map((line, i) => {
        const product = products.get(line.productId);
        const refusal = productRefusal({ productId: line.productId, product, uptCode: agreement.uptCode });
        if (refusal)
          throw new DomainError('rule', refusal.code, `line ${i + 1}: ${refusal.message}`, { line: i + 1, productId: line.productId });
        const perishable = product!.shelfLifeDays !== null;
        if (perishable && !line.expiryDate) {
          throw new DomainError(
            'validation',
            'EXPIRY_REQUIRED',
            `line ${i + 1}: ${product!.sku} is perishable; give the lot's expiry date`,
            { line: i + 1, field: 'expiryDate' },
          );
        }
        const expiryDate = line.expiryDate ?? NO_EXPIRY;
        if (isExpired(expiryDate, today)) {
          throw new DomainError('rule', 'LOT_EXPIRED', `line ${i + 1}: lot ${line.lotCode} expired on ${expiryDate}`, { line: i + 1 });
        }
        const unitPrice = listPriceAt(agreement, line.productId, histories.get(line.productId), dispatchedAt);
        if (unitPrice === undefined)
          throw new DomainError('rule', 'PRICE_UNKNOWN', `line ${i + 1}: no price for the product`, { line: i + 1 });
        return { lineNo: i + 1, productId: line.productId, lotCode: line.lotCode, expiryDate, quantity: line.quantity, unitPrice };
      });
      const number = await this.dispatches.nextNumber(tx.manager, agreement.uptCode, Number(today.slice(0, 4)));
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
      this.assertInTransit(dispatch);
      await this.dispatches.markCancelled(tx.manager, id, reason);
      tx.publish(DispatchCancelled, { agreementId: dispatch.agreementId, dispatchId: id, reason });
    });
    return (await this.dispatches.find(id))!;
  }

  /** Only the venue named on the dispatch confirms it, once; accepted stock becomes sellable. */
  async confirmReceipt(id: string, input: ConfirmReceiptDto, actor: Actor): Promise<Dispatch> {
    const now = new Date();
    const receivedAt = documentTime(input.receivedAt, 'receivedAt', now);
    await this.withDispatch(id, async (tx, dispatch, agreement) => {
      assertInScope(actor, 'venue', dispatch.venueCode);
      this.assertInTransit(dispatch);
      if (receivedAt < new Date(dispatch.dispatchedAt)) {
        throw new DomainError('rule', 'RECEIVED_BEFORE_DISPATCH', 'receivedAt is before the goods were dispatched', {
          field: 'receivedAt',
        });
      }
      const byLine = new Map(input.lines.map((l) => [l.lineNo, l]));
      if (
        byLine.size !== input.lines.length ||
        byLine.size !== dispatch.lines.length ||
        dispatch.lines.some((l) => !byLine.has(l.lineNo))
      ) {
        throw new DomainError(
          'validation',
          'RECEIPT_LINES_MISMATCH',
          `the receipt must account for each of the ${dispatch.lines.length} dispatch lines exactly once`,
          {
            expected: dispatch.lines.map((l) => l.lineNo),
          },
        );
      }
      for (const line of dispatch.lines) {
        const r = byLine.get(line.lineNo)!;
        const [problem] = receiptLineProblems({ dispatched: line.quantity, ...r });
        if (problem) throw new DomainError('rule', problem.code, `line ${line.lineNo}: ${problem.message}`, { line: line.lineNo });
      }
      const period = periodOf(receivedAt, agreement.timeZone);
      await this.ledger.assertPeriodsOpen(tx.manager, agreement.id, [period]);
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
    const { items, total } = await this.dispatches.list(agreementScope(actor, query), { status: query.status }, query);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  private async activeAgreement(tx: Tx, id: string): Promise<Agreement> {
    const agreement = await this.agreements.lock(tx.manager, id);
    if (!agreement) throw notFound('agreement', id);
    if (agreement.status !== 'ACTIVE') {
      throw new DomainError('rule', 'AGREEMENT_INACTIVE', `agreement ${id} is ${agreement.status}`, {
        agreementId: id,
        status: agreement.status,
      });
    }
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

  private assertInTransit(dispatch: Dispatch): void {
    if (dispatch.status === 'IN_TRANSIT') return;
    const code = dispatch.status === 'RECEIVED' ? 'ALREADY_RECEIVED' : 'DISPATCH_CANCELLED';
    throw new DomainError('conflict', code, `dispatch ${dispatch.number} is ${dispatch.status}`, {
      current: dispatch.status,
      requested: 'IN_TRANSIT',
    });
  }
}

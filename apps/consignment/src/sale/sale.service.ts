import { newId, refuse } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { isoWithOffset, MAX_LINES_PER_EVENT, SalesRecorded, type Actor } from '@titipan/contracts';
import { UnitOfWork, type Tx } from '@titipan/platform';
import { settlementPeriodOf, type Agreement } from '../agreement/domain/agreement';
import { AgreementStore } from '../agreement/agreement.store';
import type { Movement } from '../stock/domain/movement';
import { isResentSale, saleKey, withoutVenue, type RecordedSaleLine } from './domain/sale-line';
import { decideSale, SALE_REFUSAL_KIND, type SaleRefusalCode } from './domain/sale-rules';
import type { SaleLineDto, SaleQueryDto } from './sale.dto';
import { SaleQueries } from './sale.queries';
import { SaleStore } from './sale.store';
import { agreementScope } from '../shared/agreement-scope';

export type SaleLineResult =
  | ({ status: 'accepted' | 'duplicate' } & Omit<RecordedSaleLine, 'venueCode'>)
  | { status: 'refused'; receiptNo: string; lineNo: number; code: SaleRefusalCode; message: string; details: Record<string, unknown> };

export interface SaleBatchResult {
  accepted: number;
  duplicates: number;
  refused: number;
  lines: SaleLineResult[];
}

/**
 * Sales at a venue, one line or thousands per request. Each line is judged on its own: accepted lines
 * stand, refused lines say why and change nothing, and a line already recorded (same receipt number and
 * line) is answered with its original result. Agreements are locked, so concurrent uploads never
 * sell the same unit twice.
 */
@Injectable()
export class SaleService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly agreements: AgreementStore,
    private readonly sales: SaleStore,
    private readonly queries: SaleQueries,
  ) {}

  /** One line or an upload of many (an over-long upload never gets here: SaleBatchDto, 413 BATCH_TOO_LARGE at the edge). */
  async record(lines: SaleLineDto[], actor: Actor): Promise<SaleBatchResult> {
    const venueCode = actor.scope!;
    const now = new Date();
    return this.uow.run(async (tx) => {
      // three round trips: the products and the agreements locked, then what the lines are judged on, then the write
      const productIds = [...new Set(lines.map((l) => l.productId))];
      const { products, agreements } = await this.sales.lockForSale(tx.manager, venueCode, productIds);
      const agreementByUpt = new Map(agreements.map((a) => [a.uptCode, a]));
      const periods = new Set(agreements.flatMap((a) => lines.map((l) => settlementPeriodOf(a, new Date(l.soldAt)))));
      const facts = await this.sales.factsUnderLock(
        tx.manager,
        venueCode,
        lines,
        productIds,
        agreements.map((a) => a.id),
        [...periods],
      );
      const { recorded, priceHistories: histories, lots, closedPeriods: closed } = facts;

      const batchId = newId();
      const results: SaleLineResult[] = [];
      const accepted: RecordedSaleLine[] = [];
      const movements: Movement[] = [];
      for (const line of lines) {
        const key = saleKey(line);
        const recordedLine = recorded.get(key);
        if (recordedLine && isResentSale(line, recordedLine, venueCode)) {
          results.push({ status: 'duplicate', ...withoutVenue(recordedLine) });
          continue;
        }
        const product = products.get(line.productId);
        const agreement = product && agreementByUpt.get(product.uptCode);
        const productLots = (agreement && lots.get(`${agreement.id}|${line.productId}`)) ?? [];
        const decision = decideSale({
          line,
          venueCode,
          now,
          recorded: recordedLine,
          product,
          agreement,
          closedPeriods: (agreement && closed.get(agreement.id)) ?? [],
          priceHistory: histories.get(line.productId),
          lots: productLots,
        });
        if (!decision.accepted) {
          results.push({ status: 'refused', receiptNo: line.receiptNo, lineNo: line.lineNo, ...decision.refusal });
          continue;
        }
        const { soldAt, period, unitPrice, listPrice, allocations } = decision;
        for (const a of allocations) {
          productLots.find((l) => l.lotCode === a.lotCode)!.available -= a.quantity;
          movements.push({
            agreementId: decision.agreement.id,
            productId: line.productId,
            lotCode: a.lotCode,
            expiryDate: a.expiryDate,
            bucket: 'SELLABLE',
            kind: 'SOLD',
            quantity: -a.quantity,
            unitPrice,
            occurredAt: soldAt,
            period,
            document: `sale:${venueCode}:${line.receiptNo}:${line.lineNo}`,
          });
        }
        const sale: RecordedSaleLine = {
          venueCode,
          receiptNo: line.receiptNo,
          lineNo: line.lineNo,
          agreementId: decision.agreement.id,
          productId: line.productId,
          quantity: line.quantity,
          unitPrice,
          listPrice,
          amount: unitPrice * line.quantity,
          discountReason: line.discountReason ?? null,
          soldAt: soldAt.toISOString(),
          period,
          allocations,
          batchId,
        };
        recorded.set(key, sale); // the same line twice in one upload counts once
        accepted.push(sale);
        results.push({ status: 'accepted', ...withoutVenue(sale) });
      }

      await this.sales.insert(tx.manager, accepted, movements);
      this.publish(tx, accepted, agreementByUpt, venueCode, batchId);
      return {
        accepted: results.filter((r) => r.status === 'accepted').length,
        duplicates: results.filter((r) => r.status === 'duplicate').length,
        refused: results.filter((r) => r.status === 'refused').length,
        lines: results,
      };
    });
  }

  /** A single sale: the same rules, with a refusal answered as an error. */
  async recordOne(line: SaleLineDto, actor: Actor): Promise<SaleLineResult> {
    const [result] = (await this.record([line], actor)).lines;
    if (result.status === 'refused') refuse(result, SALE_REFUSAL_KIND);
    return result;
  }

  async list(query: SaleQueryDto, actor: Actor) {
    return this.queries.list(
      await agreementScope(actor, query, (a) => this.agreements.find(a)),
      { period: query.period, receiptNo: query.receiptNo },
      query,
    );
  }

  /** One event per agreement per request, split so no message grows past MAX_LINES_PER_EVENT lines. */
  private publish(tx: Tx, accepted: RecordedSaleLine[], agreements: Map<string, Agreement>, venueCode: string, batchId: string) {
    for (const agreement of agreements.values()) {
      const lines = accepted
        .filter((s) => s.agreementId === agreement.id)
        .flatMap((s) =>
          s.allocations.map((a) => ({
            receiptNo: s.receiptNo,
            lineNo: s.lineNo,
            productId: s.productId,
            lotCode: a.lotCode,
            quantity: a.quantity,
            unitPrice: s.unitPrice,
            listPrice: s.listPrice,
            amount: a.quantity * s.unitPrice,
            ...(s.discountReason ? { discountReason: s.discountReason } : {}),
            soldAt: isoWithOffset(new Date(s.soldAt)),
            period: s.period,
          })),
        );
      for (let i = 0; i < lines.length; i += MAX_LINES_PER_EVENT) {
        tx.publish(SalesRecorded, {
          agreementId: agreement.id,
          batchId: i === 0 ? batchId : newId(),
          venueCode,
          uptCode: agreement.uptCode,
          lines: lines.slice(i, i + MAX_LINES_PER_EVENT),
        });
      }
    }
  }
}

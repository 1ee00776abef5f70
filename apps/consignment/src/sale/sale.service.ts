import { DomainError, localDate, periodOf, newId } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { isoWithOffset, MAX_LINES_PER_EVENT, SalesRecorded, type Actor } from '@titipan/contracts';
import { UnitOfWork } from '@titipan/platform';
import { AgreementRepository, isWithinValidity, type Agreement } from '../agreement/agreement.repository';
import { listPriceAt } from '../agreement/list-price';
import { ProductReplicaStore } from '../product-replica/product-replica.store';
import { productRefusal, type Refusal } from '../product-replica/sellable';
import { allocate, isExpired, type SellableLot } from '../stock/domain/fefo';
import type { Movement } from '../stock/domain/movement';
import { CLOCK_SKEW_MS } from '../stock/domain/document-time';
import { StockLedger } from '../stock/stock-ledger';
import type { SaleLineDto } from './sale.dto';
import { saleKey, SaleLineRepository, type RecordedSaleLine } from './sale-line.repository';

export type SaleLineResult =
  | ({ status: 'accepted' | 'duplicate' } & Omit<RecordedSaleLine, 'venueCode'>)
  | { status: 'refused'; receiptNo: string; lineNo: number; code: string; message: string; details: Record<string, unknown> };

export interface SaleBatchResult {
  accepted: number;
  duplicates: number;
  refused: number;
  lines: SaleLineResult[];
}

/** HTTP status of a refusal when a single sale is refused. */
export const REFUSAL_KIND: Record<string, 'conflict' | 'rule'> = {
  INSUFFICIENT_STOCK: 'conflict',
  PERIOD_CLOSED: 'conflict',
  SALE_LINE_CONFLICT: 'conflict',
};

const refused = (line: SaleLineDto, code: string, message: string, details: Record<string, unknown> = {}): SaleLineResult => ({
  status: 'refused',
  receiptNo: line.receiptNo,
  lineNo: line.lineNo,
  code,
  message,
  details,
});

function sameSale(line: SaleLineDto, recorded: RecordedSaleLine): boolean {
  return (
    line.productId === recorded.productId &&
    line.quantity === recorded.quantity &&
    new Date(line.soldAt).getTime() === new Date(recorded.soldAt).getTime() &&
    (line.unitPrice === undefined || line.unitPrice === recorded.unitPrice) &&
    (line.lotCode === undefined || recorded.allocations.every((a) => a.lotCode === line.lotCode))
  );
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
    private readonly agreements: AgreementRepository,
    private readonly products: ProductReplicaStore,
    private readonly ledger: StockLedger,
    private readonly sales: SaleLineRepository,
  ) {}

  async record(lines: SaleLineDto[], actor: Actor): Promise<SaleBatchResult> {
    const venueCode = actor.scope!;
    const now = new Date();
    return this.uow.run(async (tx) => {
      const productIds = [...new Set(lines.map((l) => l.productId))];
      const products = await this.products.find(productIds, tx.manager);
      const uptCodes = [...new Set([...products.values()].map((p) => p.uptCode))];
      // locked in id order so two uploads touching the same agreements cannot deadlock; still active once locked
      const agreementByUpt = new Map<string, Agreement>();
      for (const id of await this.agreements.activeIdsForVenue(tx.manager, venueCode, uptCodes)) {
        const locked = await this.agreements.lock(tx.manager, id);
        if (locked?.status === 'ACTIVE') agreementByUpt.set(locked.uptCode, locked);
      }
      const recorded = await this.sales.findByKeys(tx.manager, venueCode, lines);
      const histories = await this.products.priceHistories(tx.manager, productIds);
      const lots = await this.sellableLots(tx.manager, [...agreementByUpt.values()], productIds);
      const closed = new Map<string, string[]>();
      for (const a of agreementByUpt.values()) {
        const periods = lines.map((l) => periodOf(new Date(l.soldAt), a.timeZone));
        closed.set(a.id, await this.ledger.closedPeriods(tx.manager, a.id, periods));
      }

      const batchId = newId();
      const results: SaleLineResult[] = [];
      const accepted: RecordedSaleLine[] = [];
      const movements: Movement[] = [];
      for (const line of lines) {
        const key = saleKey(line);
        const earlier = recorded.get(key);
        if (earlier) {
          results.push(
            earlier.venueCode === venueCode && sameSale(line, earlier)
              ? { status: 'duplicate', ...withoutVenue(earlier) }
              : refused(
                  line,
                  'SALE_LINE_CONFLICT',
                  `receipt ${line.receiptNo} line ${line.lineNo} was already recorded with other content`,
                  {
                    recorded: withoutVenue(earlier),
                  },
                ),
          );
          continue;
        }
        const product = products.get(line.productId);
        const refusal: Refusal | undefined = productRefusal(product, line.productId, product?.uptCode ?? '');
        if (refusal) {
          results.push(refused(line, refusal.code, refusal.message, { productId: line.productId }));
          continue;
        }
        const agreement = agreementByUpt.get(product!.uptCode);
        if (!agreement) {
          results.push(
            refused(line, 'AGREEMENT_INACTIVE', `${venueCode} has no active agreement with ${product!.uptCode}`, {
              uptCode: product!.uptCode,
            }),
          );
          continue;
        }
        const soldAt = new Date(line.soldAt);
        if (soldAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
          results.push(
            refused(line, 'SALE_IN_FUTURE', `soldAt ${line.soldAt} is in the future`, { soldAt: line.soldAt, now: now.toISOString() }),
          );
          continue;
        }
        const day = localDate(soldAt, agreement.timeZone);
        if (!isWithinValidity(agreement, day)) {
          results.push(
            refused(
              line,
              'AGREEMENT_INACTIVE',
              `the agreement is valid ${agreement.validFrom} to ${agreement.validTo ?? 'open'}, not on ${day}`,
              {
                agreementId: agreement.id,
                day,
              },
            ),
          );
          continue;
        }
        const period = day.slice(0, 7);
        if (closed.get(agreement.id)!.includes(period)) {
          results.push(refused(line, 'PERIOD_CLOSED', `period ${period} is closed for this agreement`, { period }));
          continue;
        }
        const list = listPriceAt(agreement, line.productId, histories.get(line.productId), soldAt);
        if (list === undefined) {
          results.push(refused(line, 'PRICE_UNKNOWN', 'no price was in effect at the time of sale', {}));
          continue;
        }
        const unitPrice = line.unitPrice ?? list;
        if (unitPrice > list) {
          results.push(
            refused(line, 'PRICE_ABOVE_LIST', `unit price ${unitPrice} is above the list price ${list}`, { unitPrice, listPrice: list }),
          );
          continue;
        }
        const productLots = lots.get(`${agreement.id}|${line.productId}`) ?? [];
        const allocation = allocate(productLots, line.quantity, day, line.lotCode);
        if (!allocation.ok) {
          const { ok: _, code, ...details } = allocation;
          const expiredUnits = productLots.filter((l) => isExpired(l.expiryDate, day)).reduce((s, l) => s + l.available, 0);
          const message =
            code === 'INSUFFICIENT_STOCK'
              ? `${line.quantity} requested, ${allocation.available} sellable${expiredUnits ? ` (${expiredUnits} more expired)` : ''}`
              : code === 'LOT_EXPIRED'
                ? `lot ${allocation.lotCode} expired on ${allocation.expiryDate}`
                : `lot ${allocation.lotCode} is not at this venue`;
          results.push(refused(line, code, message, code === 'INSUFFICIENT_STOCK' ? { ...details, expired: expiredUnits } : details));
          continue;
        }
        for (const a of allocation.allocations) {
          productLots.find((l) => l.lotCode === a.lotCode)!.available -= a.quantity;
          movements.push({
            agreementId: agreement.id,
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
          agreementId: agreement.id,
          productId: line.productId,
          quantity: line.quantity,
          unitPrice,
          listPrice: list,
          amount: unitPrice * line.quantity,
          soldAt: soldAt.toISOString(),
          period,
          allocations: allocation.allocations,
          batchId,
        };
        recorded.set(key, sale); // the same line twice in one upload counts once
        accepted.push(sale);
        results.push({ status: 'accepted', ...withoutVenue(sale) });
      }

      await this.sales.insert(tx.manager, accepted);
      await this.ledger.record(tx.manager, movements);
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
    if (result.status === 'refused')
      throw new DomainError(REFUSAL_KIND[result.code] ?? 'rule', result.code, result.message, result.details);
    return result;
  }

  private async sellableLots(manager: Parameters<StockLedger['balances']>[0], agreements: Agreement[], productIds: string[]) {
    const lots = new Map<string, SellableLot[]>();
    for (const agreement of agreements) {
      for (const b of await this.ledger.balances(manager, agreement.id, productIds, 'SELLABLE')) {
        const key = `${agreement.id}|${b.productId}`;
        const list = lots.get(key) ?? [];
        list.push({ lotCode: b.lotCode, expiryDate: b.expiryDate, available: b.quantity });
        lots.set(key, list);
      }
    }
    return lots;
  }

  /** One event per agreement per request, split so no message grows past MAX_LINES_PER_EVENT lines. */
  private publish(
    tx: Parameters<Parameters<UnitOfWork['run']>[0]>[0],
    accepted: RecordedSaleLine[],
    agreements: Map<string, Agreement>,
    venueCode: string,
    batchId: string,
  ) {
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

function withoutVenue({ venueCode: _, ...rest }: RecordedSaleLine): Omit<RecordedSaleLine, 'venueCode'> {
  return rest;
}

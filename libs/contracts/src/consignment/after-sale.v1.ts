import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsISO8601,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_PRICE_RUPIAH } from '../catalog/product-fields';
import { DATE_PATTERN, LOT_CODE_PATTERN, MAX_LINE_QUANTITY } from './consignment-fields';
import { LotRefV1 } from './lot-ref';
import { PERIOD_FORMAT } from './period-format';
import { agreementEvent } from './stock-movements.v1';

const BUCKETS = ['SELLABLE', 'QUARANTINE'] as const;

export class LotQuantityV1 extends LotRefV1 {
  @IsIn(BUCKETS)
  bucket: 'SELLABLE' | 'QUARANTINE';

  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;

  /** Value per unit: the sale price for customer returns, the list price otherwise. */
  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_RUPIAH)
  unitPrice: number;
}

/** A customer brought back (part of) a sale line: the sale is reversed, the goods restocked or quarantined. */
export class SaleReversedV1 {
  @IsUUID()
  agreementId: string;

  /** The venue's return slip number: the return's identity for retries. */
  @IsString()
  @Length(1, 60)
  returnNo: string;

  @IsString()
  @Length(1, 60)
  receiptNo: string;

  @IsInt()
  @Min(1)
  lineNo: number;

  @IsBoolean()
  resellable: boolean;

  /** quantity × sale price, whole rupiah, deducted from sales. */
  @IsInt()
  @Min(1)
  amount: number;

  @IsISO8601({ strict: true })
  returnedAt: string;

  @Matches(PERIOD_FORMAT)
  period: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => LotQuantityV1)
  lots: LotQuantityV1[];
}
export const SaleReversed = agreementEvent('consignment.sale.reversed', SaleReversedV1, (d) => d.returnNo, 'customer-return');

export const RETURN_REASONS = ['unsold', 'expired', 'damaged', 'recall'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** Goods left the venue back to the UPT (retur); they are off the venue's stock from now on. */
export class ReturnShippedV1 {
  @IsUUID()
  agreementId: string;

  @IsUUID()
  returnId: string;

  @IsIn(RETURN_REASONS)
  reason: ReturnReason;

  @IsISO8601({ strict: true })
  shippedAt: string;

  @Matches(PERIOD_FORMAT)
  period: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => LotQuantityV1)
  lines: LotQuantityV1[];
}
export const ReturnShipped = agreementEvent('consignment.return.shipped', ReturnShippedV1, (d) => d.returnId);

/** The UPT confirmed the returned goods arrived. */
export class ReturnReceivedV1 {
  @IsUUID()
  agreementId: string;

  @IsUUID()
  returnId: string;

  @IsISO8601({ strict: true })
  receivedAt: string;
}
export const ReturnReceived = agreementEvent('consignment.return.received', ReturnReceivedV1, (d) => d.returnId);

export class AdjustmentLineV1 extends LotRefV1 {
  @IsIn(BUCKETS)
  bucket: 'SELLABLE' | 'QUARANTINE';

  @IsInt()
  @Min(0)
  book: number;

  @IsInt()
  @Min(0)
  counted: number;

  /** counted − book: negative for shrinkage. */
  @IsInt()
  variance: number;

  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_RUPIAH)
  unitPrice: number;
}

/** A stock count (stock opname) found a variance; the book now matches the shelf. */
export class StockAdjustedV1 {
  @IsUUID()
  agreementId: string;

  @IsUUID()
  countId: string;

  @IsString()
  @Length(1, 1000)
  reason: string;

  @IsISO8601({ strict: true })
  countedAt: string;

  @Matches(PERIOD_FORMAT)
  period: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AdjustmentLineV1)
  lines: AdjustmentLineV1[];
}
export const StockAdjusted = agreementEvent('consignment.stock.adjusted', StockAdjustedV1, (d) => d.countId, 'stock-count');

export class KindTotalV1 {
  @IsString()
  kind: string;

  @IsInt()
  @Min(0)
  count: number;

  /** Signed sum of the movements' quantities. */
  @IsInt()
  quantity: number;

  /** Signed sum of the movements' values, whole rupiah. */
  @IsInt()
  amount: number;
}

/**
 * A month of an agreement is closed: no movement may be dated in it any more. Every movement of the
 * period was published before this event on the same partition, and the control totals let a reader
 * prove it has all of them.
 */
export class PeriodClosedV1 {
  @IsUUID()
  agreementId: string;

  @Matches(PERIOD_FORMAT)
  period: string;

  @IsISO8601({ strict: true })
  closedAt: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => KindTotalV1)
  movements: KindTotalV1[];

  /** Units that never arrived on receipts of the period (not a stock movement). */
  @IsInt()
  @Min(0)
  shortQuantity: number;

  @IsInt()
  @Min(0)
  receipts: number;

  @IsInt()
  @Min(0)
  saleLines: number;
}
export const PeriodClosed = agreementEvent('consignment.period.closed', PeriodClosedV1, (d) => `${d.agreementId}/${d.period}`);

/** A lot at a venue expires within the warning window (or has expired): pull it back or sell it first. */
export class LotNearExpiryV1 {
  @IsUUID()
  agreementId: string;

  @IsUUID()
  productId: string;

  @Matches(LOT_CODE_PATTERN)
  lotCode: string;

  @Matches(DATE_PATTERN)
  expiryDate: string;

  @IsInt()
  @Min(1)
  quantity: number;

  /** Days from the scan's date (venue calendar) to the expiry date; negative once expired. */
  @IsInt()
  daysLeft: number;

  /** The return the scan proposed for the agreement's near-expiry lots, which the UPT confirms in one action. */
  @IsOptional()
  @IsUUID()
  proposedReturnId?: string;
}
export const LotNearExpiry = agreementEvent(
  'consignment.lot.near-expiry',
  LotNearExpiryV1,
  (d) => `${d.agreementId}/${d.productId}/${d.lotCode}`,
);

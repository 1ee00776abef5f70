import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_PRICE_RUPIAH, ORG_CODE_PATTERN } from '../catalog/product-fields';
import { defineEvent, type EventDefinition } from '../event-definition';
import { DISCOUNT_REASONS, LOT_CODE_PATTERN, MAX_LINE_QUANTITY, type DiscountReason } from './consignment-fields';
import { LotRefV1 } from './lot-ref';
import { PERIOD_FORMAT } from './period-format';

/** Events that move stock or money are about one agreement and keyed by it, so they stay in order. */
export function agreementEvent<T extends { agreementId: string }>(
  type: string,
  payload: new () => T,
  subject: (d: T) => string,
  entity?: string,
): EventDefinition<T> {
  return defineEvent<T>({ type, version: 1, stream: 'consignment', payload, subject, entity, partitionKey: (d) => d.agreementId });
}

/** The most lines one event carries; larger uploads are split so a message stays well under 1 MB. */
export const MAX_LINES_PER_EVENT = 500;

export class DispatchLineV1 extends LotRefV1 {
  @IsInt()
  @Min(1)
  lineNo: number;

  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;

  /** Consignment price per unit, snapshotted at dispatch. */
  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_RUPIAH)
  unitPrice: number;
}

/** A surat jalan: goods left the UPT for a venue and are in transit. */
export class DispatchCreatedV1 {
  @IsUUID()
  agreementId: string;

  @IsUUID()
  dispatchId: string;

  /** Human-readable, unique per UPT and year, e.g. SJ/LP-TGR-1/2026/0007. */
  @IsString()
  @Length(1, 60)
  number: string;

  @Matches(ORG_CODE_PATTERN)
  uptCode: string;

  @Matches(ORG_CODE_PATTERN)
  venueCode: string;

  @IsISO8601({ strict: true })
  dispatchedAt: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES_PER_EVENT)
  @ValidateNested({ each: true })
  @Type(() => DispatchLineV1)
  lines: DispatchLineV1[];
}
export const DispatchCreated = agreementEvent('consignment.dispatch.created', DispatchCreatedV1, (d) => d.dispatchId);

export class DispatchCancelledV1 {
  @IsUUID()
  agreementId: string;

  @IsUUID()
  dispatchId: string;

  @IsString()
  @Length(1, 1000)
  reason: string;
}
export const DispatchCancelled = agreementEvent('consignment.dispatch.cancelled', DispatchCancelledV1, (d) => d.dispatchId);

export class ReceiptLineV1 extends LotRefV1 {
  @IsInt()
  @Min(1)
  lineNo: number;

  @IsInt()
  @Min(0)
  dispatched: number;

  /** Sellable at the venue from now on. */
  @IsInt()
  @Min(0)
  accepted: number;

  /** Quarantined at the venue until it goes back to the UPT. */
  @IsInt()
  @Min(0)
  damaged: number;

  /** Never arrived. */
  @IsInt()
  @Min(0)
  short: number;

  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_RUPIAH)
  unitPrice: number;

  @IsOptional()
  @IsString()
  @Length(0, 1000)
  reason?: string;
}

/** Berita acara serah terima: the venue confirmed what arrived, line by line. */
export class ReceiptConfirmedV1 {
  @IsUUID()
  agreementId: string;

  @IsUUID()
  dispatchId: string;

  @IsISO8601({ strict: true })
  receivedAt: string;

  @Matches(PERIOD_FORMAT)
  period: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES_PER_EVENT)
  @ValidateNested({ each: true })
  @Type(() => ReceiptLineV1)
  lines: ReceiptLineV1[];
}
export const ReceiptConfirmed = agreementEvent('consignment.receipt.confirmed', ReceiptConfirmedV1, (d) => d.dispatchId, 'dispatch');

export class SaleLineV1 {
  /** The venue's own receipt (struk) number and line: the line's identity for retries. */
  @IsString()
  @Length(1, 60)
  receiptNo: string;

  @IsInt()
  @Min(1)
  lineNo: number;

  @IsUUID()
  productId: string;

  @Matches(LOT_CODE_PATTERN)
  lotCode: string;

  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;

  /** Price the customer paid per unit. */
  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_RUPIAH)
  unitPrice: number;

  /** Agreement or catalog price per unit at the time of sale; above unitPrice when discounted. */
  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_RUPIAH)
  listPrice: number;

  /** quantity × unitPrice, whole rupiah. */
  @IsInt()
  @Min(1)
  amount: number;

  /** Why the line went below its list price; absent at the list price (and in events before reasons existed). */
  @IsOptional()
  @IsIn(DISCOUNT_REASONS)
  discountReason?: DiscountReason;

  @IsISO8601({ strict: true })
  soldAt: string;

  @Matches(PERIOD_FORMAT)
  period: string;
}

/**
 * Sales accepted in one request for one agreement (a line sold from two lots is two lines with the same
 * receipt line). One event per accepted batch, not per line: a day's upload of thousands of lines is a
 * handful of outbox rows and downstream transactions instead of thousands.
 */
export class SalesRecordedV1 {
  @IsUUID()
  agreementId: string;

  @IsUUID()
  batchId: string;

  @Matches(ORG_CODE_PATTERN)
  venueCode: string;

  @Matches(ORG_CODE_PATTERN)
  uptCode: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES_PER_EVENT)
  @ValidateNested({ each: true })
  @Type(() => SaleLineV1)
  lines: SaleLineV1[];
}
export const SalesRecorded = agreementEvent('consignment.sales.recorded', SalesRecordedV1, (d) => d.batchId, 'sales-batch');

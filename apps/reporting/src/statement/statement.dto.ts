import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE_PATTERN, PERIOD_FORMAT } from '@titipan/contracts';
import { IsRupiah, OrgPageQueryDto } from '@titipan/platform';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { NTPN, SIMPONI_BILLING_CODE } from './domain/settlement-rules';
import type { StatementStatus } from './domain/statement-record';

const STATUSES = ['PENDING', 'ISSUED', 'PAID', 'DEPOSITED'] as const;

export class StatementQueryDto extends OrgPageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agreement?: string;

  @ApiPropertyOptional({ example: '2026-11' })
  @IsOptional()
  @Matches(PERIOD_FORMAT)
  period?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: StatementStatus;
}

export class PaymentDto {
  @ApiProperty({ description: "the statement's proceeds, exactly, whole rupiah" })
  @IsRupiah(0)
  amount: number;

  @ApiProperty({ example: '2026-12-05' })
  @Matches(DATE_PATTERN)
  paidOn: string;

  @ApiProperty({ example: 'BRI-20261205-778812' })
  @IsString()
  @Length(1, 100)
  transferReference: string;
}

export class DepositDto {
  @ApiProperty({
    description: "whole rupiah deposited to the state: the statement's PNBP share, exactly",
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
  })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amount: number;

  @ApiProperty({ example: '820261205000123', description: 'SIMPONI billing code, 15 digits' })
  @Matches(SIMPONI_BILLING_CODE, { message: 'simponiBillingCode must be 15 digits' })
  simponiBillingCode: string;

  @ApiProperty({ example: 'A1B2C3D4E5F6G7H8', description: 'NTPN on the payment proof, 16 characters' })
  @Matches(NTPN, { message: 'ntpn must be 16 letters or digits' })
  ntpn: string;

  @ApiProperty({ example: '2026-12-08' })
  @Matches(DATE_PATTERN)
  depositedOn: string;
}

/**
 * The figures of one product (a line) or of all products (the totals) under one agreement in one month.
 * Units are counts of the product; money is whole rupiah. Months are the venue's calendar months.
 */
export class FiguresResponse {
  @ApiProperty({
    description:
      "units at the venue when the month began: the previous month's issued statement's closing for the product, or, " +
      'without one, every earlier month’s movements summed (received − sold + customer returns − returned − adjusted)',
  })
  opening: number;

  @ApiProperty({
    description: 'units the venue confirmed receiving in the month, damaged units included (accepted + damaged); short units are not',
  })
  received: number;

  @ApiProperty({ description: 'units received damaged in the month; already counted in received, and in stock until returned or adjusted' })
  damaged: number;

  @ApiProperty({ description: 'units a dispatch named that never arrived (short on receipt); not in received and never in stock' })
  short: number;

  @ApiProperty({ description: 'units sold in the month (sales whose venue-local day falls in the month)' })
  sold: number;

  @ApiProperty({
    description:
      'value of the units sold at their list price (the agreement price in effect on the day of sale, else the catalog price then)',
  })
  grossAtListPrice: number;

  @ApiProperty({
    description: 'how far below their list price the units sold went (discounts, each with its reason): grossAtListPrice − grossSales',
  })
  discounts: number;

  @ApiProperty({ description: 'value of the units sold: the sum of the sale lines’ amounts (quantity × unit price), discounts deducted' })
  grossSales: number;

  @ApiProperty({ description: 'units customers brought back in the month (reversed sales); back in stock' })
  customerReturns: number;

  @ApiProperty({ description: 'value of the customer returns at the unit price they were sold for' })
  customerReturnsValue: number;

  @ApiProperty({ description: 'grossSales − customerReturnsValue' })
  netSales: number;

  @ApiProperty({ description: 'units shipped back from the venue to the UPT in the month' })
  returned: number;

  @ApiProperty({ description: 'value of the units returned to the UPT at their unit price' })
  returnedValue: number;

  @ApiProperty({ description: 'units stock counts found missing in the month (positive) or found over (negative)' })
  adjusted: number;

  @ApiProperty({ description: 'value of the adjusted units at their unit price (the dispatch price), with the same sign' })
  adjustedValue: number;

  @ApiProperty({
    description:
      'what the venue pays for units lost in its care: adjustedValue when the agreement makes the venue liable (shrinkageLiability VENUE), ' +
      'never below zero (units found over are not credited); 0 when the UPT bears them. The totals sum the products’',
  })
  shrinkageCharge: number;

  @ApiProperty({
    description: 'units at the venue when the month ended: opening + received − sold + customerReturns − returned − adjusted',
  })
  closing: number;
}

export class StatementLineResponse extends FiguresResponse {
  @ApiProperty()
  productId: string;
}

export class SplitPartResponse {
  @ApiProperty({
    enum: ['PNBP', 'PREMI', 'CAPITAL'],
    description: 'PNBP: state revenue; PREMI: pay to the inmate workers; CAPITAL: production capital',
  })
  name: string;

  @ApiProperty({ description: 'basis points of the proceeds under the split policy (the shares sum to 10,000)' })
  basisPoints: number;

  @ApiProperty()
  legalReference: string;

  @ApiProperty({
    description:
      'proceeds × basisPoints / 10,000 in whole rupiah by the largest-remainder method: each part is rounded down, then the ' +
      'rupiah left over go one each to the parts with the largest remainders (ties to the share listed first), so the parts ' +
      'sum exactly to the proceeds. The PNBP part is what the UPT deposits to the state.',
  })
  amount: number;
}

export class KindTotalResponse {
  @ApiProperty({ enum: ['RECEIVED', 'RECEIVED_DAMAGED', 'SOLD', 'CUSTOMER_RETURN', 'RETURNED_TO_UPT', 'ADJUSTMENT'] })
  kind: string;

  @ApiProperty({ description: 'stock movements of the kind in the month' })
  count: number;

  @ApiProperty({ description: 'their signed change of stock, units' })
  quantity: number;

  @ApiProperty({ description: 'their signed value, whole rupiah' })
  amount: number;
}

export class ControlTotalsResponse {
  @ApiProperty({ type: [KindTotalResponse] })
  movements: KindTotalResponse[];

  @ApiProperty({ description: 'receipts confirmed in the month' })
  receipts: number;

  @ApiProperty({ description: 'units short on those receipts' })
  shortQuantity: number;

  @ApiProperty({ description: 'distinct sale lines (receipt number and line) of the month' })
  saleLines: number;
}

export class StatementFiguresResponse {
  @ApiProperty({ type: [StatementLineResponse], description: 'one line per product with any non-zero figure, by product id' })
  lines: StatementLineResponse[];

  @ApiProperty({ type: FiguresResponse, description: 'each figure summed over the lines' })
  totals: FiguresResponse;

  @ApiProperty({ description: "the venue's commission rate under the agreement, basis points" })
  commissionBp: number;

  @ApiProperty({ description: 'totals.netSales × commissionBp / 10,000, rounded to whole rupiah (halves away from zero)' })
  commission: number;

  @ApiProperty({ enum: ['VENUE', 'UPT'], description: "who bears units lost in the venue's care under the agreement" })
  shrinkageLiability: string;

  @ApiProperty({
    description:
      'totals.netSales − commission + totals.shrinkageCharge: what the venue owes the UPT, the amount a payment must be, and what the split divides. ' +
      'Commission is earned on net sales only (what was actually sold for), not on discounts or shrinkage',
  })
  proceeds: number;

  @ApiProperty({
    type: [SplitPartResponse],
    nullable: true,
    description:
      "the proceeds divided by the split policy in effect on the month's last day (the UPT's own, else the national " +
      'default); null while no policy covers the month',
  })
  split: SplitPartResponse[] | null;

  @ApiProperty({
    type: ControlTotalsResponse,
    description: "counts recomputed from the stored events; a statement is issued only when they equal the period close's",
  })
  controlTotals: ControlTotalsResponse;
}

export class StatementResponse {
  @ApiProperty()
  id: string;

  @ApiProperty()
  agreementId: string;

  @ApiProperty({ example: '2026-11' })
  period: string;

  @ApiProperty({ enum: STATUSES })
  status: string;

  @ApiProperty()
  uptCode: string;

  @ApiProperty()
  venueCode: string;

  @ApiProperty({ type: String, nullable: true })
  venueName: string | null;

  @ApiProperty({
    example: 'Asia/Makassar',
    description: "the venue's time zone: the month is counted in it, and exported files print times in it",
  })
  timeZone: string;

  @ApiProperty({ type: String, nullable: true })
  venueKanwilCode: string | null;

  @ApiProperty({ type: String, nullable: true })
  uptKanwilCode: string | null;

  @ApiProperty({ type: StatementFiguresResponse, nullable: true, description: 'null while pending for an agreement not yet known' })
  figures: StatementFiguresResponse | null;

  @ApiProperty({ type: [String], description: 'why a pending statement is not issued yet; empty once issued' })
  mismatches: string[];

  @ApiProperty({ type: [String], description: 'ids of the events the figures were computed from (and the period close), sorted' })
  sourceEventIds: string[];

  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 over the sorted source event ids and the figures; set when issued' })
  digest: string | null;

  @ApiProperty({ type: String, nullable: true })
  issuedAt: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'whole rupiah the venue transferred (equal to the proceeds)' })
  paidAmount: number | null;

  @ApiProperty({ type: String, nullable: true })
  paidOn: string | null;

  @ApiProperty({ type: String, nullable: true })
  transferReference: string | null;

  @ApiProperty({ type: String, nullable: true })
  simponiBillingCode: string | null;

  @ApiProperty({ type: String, nullable: true })
  ntpn: string | null;

  @ApiProperty({ type: String, nullable: true })
  depositedOn: string | null;

  @ApiProperty({ type: Number, nullable: true, description: "whole rupiah the UPT deposited to the state (the split's PNBP part)" })
  depositedAmount: number | null;
}

export class StatementPage {
  @ApiProperty({ type: [StatementResponse] })
  items: StatementResponse[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}

/** An agreement and one of its months (path parameters). */
export class AgreementPeriodParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ example: '2026-11' })
  @Matches(PERIOD_FORMAT)
  period: string;
}

import { notFound } from '@titipan/kernel';
import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { PERIOD_FORMAT, type Actor } from '@titipan/contracts';
import { AnyActor, CurrentActor, PageQueryDto } from '@titipan/platform';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { readScope } from '@titipan/platform';
import { listScoped, type DocumentTable } from './scoped-list';

class DocumentQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agreement?: string;

  @ApiPropertyOptional({ example: '2026-11' })
  @IsOptional()
  @Matches(PERIOD_FORMAT)
  period?: string;
}

class SaleQueryDto extends DocumentQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 60)
  receiptNo?: string;
}

class ReturnQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agreement?: string;

  @ApiPropertyOptional({ enum: ['SHIPPED', 'RECEIVED'] })
  @IsOptional()
  @IsIn(['SHIPPED', 'RECEIVED'])
  status?: string;
}

const SALES: DocumentTable = {
  from: 'sale_line x',
  select: `x.venue_code AS "venueCode", x.receipt_no AS "receiptNo", x.line_no AS "lineNo", x.agreement_id AS "agreementId",
           x.product_id AS "productId", x.quantity, x.unit_price::float8 AS "unitPrice", x.list_price::float8 AS "listPrice",
           x.amount::float8 AS amount, x.sold_at AS "soldAt", x.period, x.allocations, x.batch_id AS "batchId"`,
  orderBy: 'x.sold_at, x.receipt_no, x.line_no',
};
const CUSTOMER_RETURNS: DocumentTable = {
  from: 'customer_return x',
  select: `x.venue_code AS "venueCode", x.return_no AS "returnNo", x.receipt_no AS "receiptNo", x.line_no AS "lineNo",
           x.agreement_id AS "agreementId", x.quantity, x.resellable, x.amount::float8 AS amount, x.reason, x.returned_at AS "returnedAt",
           x.period, x.lots`,
  orderBy: 'x.returned_at, x.return_no',
};
const UPT_RETURNS: DocumentTable = {
  from: 'upt_return x',
  select: `x.id, x.agreement_id AS "agreementId", a.venue_code AS "venueCode", a.upt_code AS "uptCode", x.reason, x.status,
           x.shipped_at AS "shippedAt", x.received_at AS "receivedAt", x.lines`,
  orderBy: 'x.shipped_at, x.id',
};
const STOCK_COUNTS: DocumentTable = {
  from: 'stock_count x',
  select: `x.id, x.agreement_id AS "agreementId", a.venue_code AS "venueCode", x.counted_at AS "countedAt", x.counted_by AS "countedBy",
           x.reason, x.lines`,
  orderBy: 'x.counted_at, x.id',
};

/** Read side of the venue documents, each list within the caller's scope and paged. */
@ApiTags('documents')
@ApiBearerAuth()
@AnyActor()
@Controller()
export class DocumentsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('sales')
  @ApiOperation({ summary: 'Recorded sale lines; filter by agreement, period, receipt number' })
  sales(@Query() q: SaleQueryDto, @CurrentActor() actor: Actor) {
    return listScoped(
      this.dataSource,
      SALES,
      readScope(actor),
      [
        ['x.agreement_id', q.agreement],
        ['x.period', q.period],
        ['x.receipt_no', q.receiptNo],
      ],
      q,
    );
  }

  @Get('sales/returns')
  @ApiOperation({ summary: 'Customer returns; filter by agreement and period' })
  customerReturns(@Query() q: DocumentQueryDto, @CurrentActor() actor: Actor) {
    return listScoped(
      this.dataSource,
      CUSTOMER_RETURNS,
      readScope(actor),
      [
        ['x.agreement_id', q.agreement],
        ['x.period', q.period],
      ],
      q,
    );
  }

  @Get('returns')
  @ApiOperation({ summary: 'Returns to UPTs; filter by agreement and status' })
  uptReturns(@Query() q: ReturnQueryDto, @CurrentActor() actor: Actor) {
    return listScoped(
      this.dataSource,
      UPT_RETURNS,
      readScope(actor),
      [
        ['x.agreement_id', q.agreement],
        ['x.status', q.status],
      ],
      q,
    );
  }

  @Get('returns/:id')
  @ApiOperation({ summary: 'One return to a UPT' })
  async uptReturn(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    const { items } = await listScoped(this.dataSource, UPT_RETURNS, readScope(actor), [['x.id', id]], { limit: 1, offset: 0 });
    if (items.length === 0) throw notFound('return', id); // outside the scope looks the same as absent
    return items[0];
  }

  @Get('stock-counts')
  @ApiOperation({ summary: 'Stock counts; filter by agreement' })
  stockCounts(@Query() q: DocumentQueryDto, @CurrentActor() actor: Actor) {
    return listScoped(this.dataSource, STOCK_COUNTS, readScope(actor), [['x.agreement_id', q.agreement]], q);
  }
}

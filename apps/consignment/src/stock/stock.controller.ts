import { localDate } from '@titipan/kernel';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ORG_CODE_PATTERN, type Actor } from '@titipan/contracts';
import { AnyActor, CurrentActor, PageQueryDto, type Page } from '@titipan/platform';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { scopedFilter } from '@titipan/platform';
import { isExpired } from './domain/fefo';
import { StockLedger } from './stock-ledger';

class StockQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ORG_CODE_PATTERN)
  venue?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ORG_CODE_PATTERN)
  upt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agreement?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  product?: string;

  @ApiPropertyOptional({ enum: ['SELLABLE', 'QUARANTINE'] })
  @IsOptional()
  @IsIn(['SELLABLE', 'QUARANTINE'])
  bucket?: 'SELLABLE' | 'QUARANTINE';
}

@ApiTags('stock')
@ApiBearerAuth()
@Controller('stock')
export class StockController {
  constructor(private readonly ledger: StockLedger) {}

  @Get()
  @AnyActor()
  @ApiOperation({
    summary: 'Stock on hand by lot and expiry: per venue (what can I sell now) or per UPT (where are my goods)',
  })
  async onHand(@Query() query: StockQueryDto, @CurrentActor() actor: Actor): Promise<Page<object>> {
    const filter = scopedFilter(actor, {
      venueCode: query.venue,
      uptCode: query.upt,
      agreementId: query.agreement,
      productId: query.product,
      bucket: query.bucket,
      limit: query.limit,
      offset: query.offset,
    });
    const { items, total } = await this.ledger.onHand(filter);
    const now = new Date();
    const rows = items.map(({ timeZone, ...row }: { timeZone: string; bucket: string; expiryDate: string; productStatus: string }) => ({
      ...row,
      // sellable now: on the shelf, not expired in the venue's calendar, product not suspended
      sellable: row.bucket === 'SELLABLE' && row.productStatus === 'APPROVED' && !isExpired(row.expiryDate, localDate(now, timeZone)),
    }));
    return { items: rows, total, limit: query.limit, offset: query.offset };
  }
}

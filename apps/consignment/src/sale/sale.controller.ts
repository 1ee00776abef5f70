import { DomainError } from '@titipan/kernel';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { Allow, CurrentActor } from '@titipan/platform';
import { CustomerReturnDto, MAX_SALE_LINES_PER_BATCH, SaleBatchDto, SaleLineDto } from './sale.dto';
import { CustomerReturnService } from './customer-return.service';
import { SaleService } from './sale.service';

@ApiTags('sales')
@ApiBearerAuth()
@Controller('sales')
export class SaleController {
  constructor(
    private readonly sales: SaleService,
    private readonly returns: CustomerReturnService,
  ) {}

  @Post()
  @Allow('venue')
  @ApiOperation({
    summary: 'Record one sale line; a refusal is an error with its code and figures; a resent line returns its original result',
  })
  recordOne(@Body() body: SaleLineDto, @CurrentActor() actor: Actor) {
    return this.sales.recordOne(body, actor);
  }

  @Post('batches')
  @HttpCode(200)
  @Allow('venue')
  @ApiOperation({
    summary: "Record a day's till or an offline backlog (up to 5,000 lines): per line accepted, duplicate or refused with why",
  })
  recordBatch(@Body() body: SaleBatchDto, @CurrentActor() actor: Actor) {
    SaleController.assertBatchLength(body);
    return this.sales.record(body.lines, actor);
  }

  /** Refuses an over-long upload before its lines are validated one by one. */
  static assertBatchLength(body: unknown): void {
    const lines = (body as { lines?: unknown })?.lines;
    if (Array.isArray(lines) && lines.length > MAX_SALE_LINES_PER_BATCH) {
      throw new DomainError(
        'too_large',
        'BATCH_TOO_LARGE',
        `a batch holds at most ${MAX_SALE_LINES_PER_BATCH} lines, this one ${lines.length}; split the upload`,
        {
          max: MAX_SALE_LINES_PER_BATCH,
          received: lines.length,
        },
      );
    }
  }

  @Post('returns')
  @Allow('venue')
  @ApiOperation({
    summary:
      'A customer returns (part of) a sale line: reversed, and restocked if resellable; a resent return slip returns its original result',
  })
  customerReturn(@Body() body: CustomerReturnDto, @CurrentActor() actor: Actor) {
    return this.returns.record(body, actor);
  }
}

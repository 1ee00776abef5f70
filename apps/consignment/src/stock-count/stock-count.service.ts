import { DomainError, periodOf, newId } from '@titipan/kernel';
import { Body, Controller, Injectable, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { isoWithOffset, MAX_LINE_QUANTITY, StockAdjusted, type Actor } from '@titipan/contracts';
import { Allow, assertInScope, CurrentActor, UnitOfWork } from '@titipan/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { AgreementRepository } from '../agreement/agreement.repository';
import { documentTime } from '../stock/domain/document-time';
import type { Movement } from '../stock/domain/movement';
import { lotKey, StockLedger } from '../stock/stock-ledger';
import { LotLineDto } from '../upt-return/upt-return.dto';

export class CountLineDto extends LotLineDto {
  @ApiProperty({ minimum: 0, description: 'units found on the shelf' })
  @IsInt()
  @Min(0)
  @Max(MAX_LINE_QUANTITY)
  counted: number;
}

export class StockCountDto {
  @ApiProperty()
  @IsUUID()
  agreementId: string;

  @ApiProperty({ example: 'stock opname akhir bulan' })
  @IsString()
  @Length(1, 1000)
  reason: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  countedAt?: string;

  @ApiProperty({ type: [CountLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CountLineDto)
  lines: CountLineDto[];
}

/** Stock opname: counted against book per lot; each variance becomes an adjustment with the count's reason. */
@Injectable()
export class StockCountService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly agreements: AgreementRepository,
    private readonly ledger: StockLedger,
  ) {}

  async count(input: StockCountDto, actor: Actor) {
    const countedAt = documentTime(input.countedAt, 'countedAt', new Date());
    const id = newId();
    return this.uow.run(async (tx) => {
      const agreement = await this.agreements.lockExisting(tx.manager, input.agreementId);
      assertInScope(actor, 'venue', agreement.venueCode);
      const productIds = input.lines.map((l) => l.productId);
      const balances = await this.ledger.lotBalances(tx.manager, agreement.id, productIds);
      const prices = await this.ledger.lotPrices(tx.manager, agreement.id, productIds);
      const period = periodOf(countedAt, agreement.timeZone);
      const seen = new Set<string>();
      const lines = input.lines.map((line, i) => {
        const bucket = line.bucket ?? 'SELLABLE';
        const key = lotKey({ ...line, bucket });
        if (seen.has(key))
          throw new DomainError('validation', 'DUPLICATE_LINE', `line ${i + 1} counts the same lot twice`, { line: i + 1 });
        seen.add(key);
        const balance = balances.get(key) ?? balances.get(lotKey({ ...line, bucket: bucket === 'SELLABLE' ? 'QUARANTINE' : 'SELLABLE' }));
        const price = prices.get(`${line.productId}|${line.lotCode}`);
        if (!balance || price === undefined) {
          throw new DomainError('rule', 'LOT_UNKNOWN', `line ${i + 1}: lot ${line.lotCode} was never received here`, { line: i + 1 });
        }
        const book = balances.get(key)?.quantity ?? 0;
        return {
          productId: line.productId,
          lotCode: line.lotCode,
          expiryDate: balance.expiryDate,
          bucket,
          book,
          counted: line.counted,
          variance: line.counted - book,
          unitPrice: price,
        };
      });
      const variances = lines.filter((l) => l.variance !== 0);
      if (variances.length > 0) await this.ledger.assertPeriodsOpen(tx.manager, agreement.id, [period]);
      const movements: Movement[] = variances.map((l) => ({
        agreementId: agreement.id,
        productId: l.productId,
        lotCode: l.lotCode,
        expiryDate: l.expiryDate,
        bucket: l.bucket,
        kind: 'ADJUSTMENT',
        quantity: l.variance,
        unitPrice: l.unitPrice,
        occurredAt: countedAt,
        period,
        document: `stock-count:${id}`,
      }));
      await tx.manager.query(
        `INSERT INTO stock_count (id, agreement_id, counted_at, counted_by, reason, lines) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, agreement.id, countedAt, actor.id, input.reason, JSON.stringify(lines)],
      );
      await this.ledger.record(tx.manager, movements);
      if (variances.length > 0) {
        tx.publish(StockAdjusted, {
          agreementId: agreement.id,
          countId: id,
          reason: input.reason,
          countedAt: isoWithOffset(countedAt),
          period,
          lines: variances,
        });
      }
      return { id, agreementId: agreement.id, countedAt: countedAt.toISOString(), period, reason: input.reason, lines };
    });
  }
}

@ApiTags('stock-counts')
@ApiBearerAuth()
@Controller('stock-counts')
export class StockCountController {
  constructor(private readonly counts: StockCountService) {}

  @Post()
  @Allow('venue')
  @ApiOperation({ summary: 'Record a stock count (stock opname); variances become adjustments' })
  count(@Body() body: StockCountDto, @CurrentActor() actor: Actor) {
    return this.counts.count(body, actor);
  }
}

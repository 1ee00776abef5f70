import { daysBetween, localDate, newId } from '@titipan/kernel';
import { Controller, Get, HttpCode, Inject, Injectable, Post, Query } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { LotNearExpiry, systemActor, type Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor, PLATFORM_CONFIG, runInContext, UnitOfWork } from '@titipan/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { scopedFilter, type ReadScope } from '@titipan/platform';
import type { ConsignmentConfig } from '../consignment-config';

export interface NearExpiryLot {
  agreementId: string;
  venueCode: string;
  uptCode: string;
  productId: string;
  sku: string | null;
  lotCode: string;
  expiryDate: string;
  quantity: number;
  daysLeft: number;
  flagged: boolean;
}

const DAY_MS = 24 * 3600_000;

class NearExpiryQueryDto {
  @ApiPropertyOptional({ description: 'window in days; the configured default (NEAR_EXPIRY_DAYS) if omitted' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  days?: number;
}

/** Sellable lots that expire within a window, per venue, and a once-per-lot warning event. */
@Injectable()
export class NearExpiryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    @Inject(PLATFORM_CONFIG) private readonly config: ConsignmentConfig,
  ) {}

  async find(scope: ReadScope, days = this.config.NEAR_EXPIRY_DAYS, at = new Date()): Promise<NearExpiryLot[]> {
    // widest first pass in SQL (a day either side for time zones), exact per-venue calendar in code
    const horizon = new Date(at.getTime() + (days + 1) * DAY_MS).toISOString().slice(0, 10);
    const rows = await this.dataSource.query(
      `SELECT b.agreement_id AS "agreementId", a.venue_code AS "venueCode", a.upt_code AS "uptCode", b.product_id AS "productId", p.sku,
              b.lot_code AS "lotCode", to_char(b.expiry_date, 'YYYY-MM-DD') AS "expiryDate", b.quantity, v.time_zone AS "timeZone",
              (f.lot_code IS NOT NULL) AS flagged
         FROM stock_balance b JOIN agreement a ON a.id = b.agreement_id JOIN venue v ON v.code = a.venue_code
         LEFT JOIN product_replica p ON p.product_id = b.product_id
         LEFT JOIN near_expiry_flag f ON f.agreement_id = b.agreement_id AND f.product_id = b.product_id AND f.lot_code = b.lot_code
        WHERE b.bucket = 'SELLABLE' AND b.quantity > 0 AND b.expiry_date <= $1
          AND ($2::text IS NULL OR a.venue_code = $2) AND ($3::text IS NULL OR a.upt_code = $3) AND ($4::text IS NULL OR v.kanwil_code = $4)
        ORDER BY b.expiry_date, a.venue_code, p.sku, b.lot_code`,
      [horizon, scope.venueCode ?? null, scope.uptCode ?? null, scope.kanwilCode ?? null],
    );
    return rows
      .map(({ timeZone, ...row }: NearExpiryLot & { timeZone: string }) => ({
        ...row,
        daysLeft: daysBetween(localDate(at, timeZone), row.expiryDate),
      }))
      .filter((lot: NearExpiryLot) => lot.daysLeft <= days);
  }

  /** Publishes a warning for each lot newly inside the window; a lot is warned about once. */
  async scan(at = new Date()): Promise<{ flagged: NearExpiryLot[] }> {
    const lots = (await this.find({}, undefined, at)).filter((l) => !l.flagged);
    const flagged: NearExpiryLot[] = [];
    for (const lot of lots) {
      await this.uow.run(async (tx) => {
        const inserted = await tx.manager.query(
          `INSERT INTO near_expiry_flag (agreement_id, product_id, lot_code) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING lot_code`,
          [lot.agreementId, lot.productId, lot.lotCode],
        );
        if (inserted.length === 0) return; // another instance flagged it meanwhile
        tx.publish(LotNearExpiry, {
          agreementId: lot.agreementId,
          productId: lot.productId,
          lotCode: lot.lotCode,
          expiryDate: lot.expiryDate,
          quantity: lot.quantity,
          daysLeft: lot.daysLeft,
        });
        flagged.push({ ...lot, flagged: true });
      });
    }
    return { flagged };
  }

  @Cron('0 2 * * *', { name: 'near-expiry', timeZone: 'Asia/Jakarta' })
  nightly() {
    return runInContext({ correlationId: `near-expiry-${newId()}`, actor: systemActor('consignment') }, () => this.scan());
  }
}

@ApiTags('stock')
@ApiBearerAuth()
@Controller('stock/near-expiry')
export class NearExpiryController {
  constructor(private readonly nearExpiry: NearExpiryService) {}

  @Get()
  @AnyActor()
  @ApiOperation({ summary: 'Sellable lots expiring within the window (default NEAR_EXPIRY_DAYS), expired ones included, in scope' })
  list(@Query() query: NearExpiryQueryDto, @CurrentActor() actor: Actor) {
    return this.nearExpiry.find(scopedFilter(actor, {}), query.days);
  }

  @Post('scan')
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({ summary: 'Flag lots newly inside the window now (also nightly at 02:00 WIB); one event per lot' })
  scan() {
    return this.nearExpiry.scan();
  }
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE_PATTERN, ORG_CODE_PATTERN } from '@titipan/contracts';
import { Type } from 'class-transformer';
import { IsInt32, IsRupiah } from '@titipan/platform';
import { IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';

export class TargetDto {
  @ApiProperty({ description: 'yearly PNBP target, whole rupiah' })
  @IsRupiah(1)
  amount: number;

  @ApiPropertyOptional({
    example: '2026-07-01',
    description:
      "day (WIB) of the target's year from which this amount counts; the year's first target defaults to 1 January, a revision to today " +
      '(kept within the year). Earlier revisions stay in the history',
  })
  @IsOptional()
  @Matches(DATE_PATTERN)
  @IsISO8601({ strict: true }) // a real day: not 2026-02-30
  effectiveFrom?: string;

  @ApiPropertyOptional({ example: 'Surat Dirjenpas PAS-123.PK.01.04/2026', description: 'the decree or letter that sets this target' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  legalReference?: string;
}

/** The UPT and year a PNBP target is set for (path parameters). */
export class TargetParams {
  @ApiProperty({ example: 'LP-TGR-1' })
  @Matches(ORG_CODE_PATTERN)
  upt: string;

  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt32(2000, 2100)
  year: number;
}

export class TargetRevisionResponse {
  @ApiProperty({ description: 'whole rupiah' })
  amount: number;

  @ApiProperty({ example: '2026-01-01', description: 'day (WIB) from which the amount counts' })
  effectiveFrom: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the decree or letter that set it; null for revisions set before references were recorded',
  })
  legalReference: string | null;

  @ApiProperty()
  setAt: string;

  @ApiProperty()
  setBy: string;
}

export class TargetResponse {
  @ApiProperty()
  uptCode: string;

  @ApiProperty()
  year: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'the target in effect today (kept within the year); null before its first day',
  })
  amount: number | null;

  @ApiProperty({ type: String, nullable: true })
  effectiveFrom: string | null;

  @ApiProperty({ type: [TargetRevisionResponse], description: 'every revision of the year, oldest first; none is ever changed' })
  history: TargetRevisionResponse[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DATE_PATTERN,
  INDONESIAN_TIME_ZONES,
  MAX_COMMISSION_BP,
  MAX_DISCOUNT_BP,
  MAX_EXHIBITION_UPTS,
  MAX_RETURN_WINDOW_DAYS,
  ORG_CODE_PATTERN,
  SHRINKAGE_LIABILITIES,
  type ShrinkageLiability,
} from '@titipan/contracts';
import { BoundedArray, IsInt32, PageQueryDto } from '@titipan/platform';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

export class CreateExhibitionDto {
  @ApiProperty({ example: 'PIPAS-BTN-2026', description: 'the venue code of the exhibition' })
  @Matches(ORG_CODE_PATTERN)
  code: string;

  @ApiProperty({ example: 'PIPAS Banten 2026' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'PIPAS Banten', description: 'links the editions of one exhibition' })
  @IsString()
  @Length(1, 200)
  series: string;

  @ApiProperty({ example: '2026' })
  @IsString()
  @Length(1, 50)
  edition: string;

  @ApiProperty({ example: 'Alun-alun Kota Serang' })
  @IsString()
  @Length(1, 300)
  location: string;

  @ApiPropertyOptional({
    example: 'KW-BANTEN',
    description: "the venue's Kanwil: a Kanwil organiser's own (default); required from the ministry",
  })
  @IsOptional()
  @Matches(ORG_CODE_PATTERN)
  kanwilCode?: string;

  @ApiPropertyOptional({ description: 'the partner agency hosting the venue; default: the organiser' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  partnerAgency?: string;

  @ApiProperty({ enum: INDONESIAN_TIME_ZONES, description: 'the event days and the event period are counted in this zone' })
  @IsIn(INDONESIAN_TIME_ZONES)
  timeZone: string;

  @ApiProperty({ example: '2026-12-07', description: 'first day of the event (inclusive)' })
  @Matches(DATE_PATTERN)
  first: string;

  @ApiProperty({ example: '2026-12-09', description: 'last day of the event (inclusive)' })
  @Matches(DATE_PATTERN)
  last: string;

  @ApiProperty({ example: 7, description: 'days after the last day for returns; the event period closes automatically at their end' })
  @IsInt32(0, MAX_RETURN_WINDOW_DAYS)
  returnWindowDays: number;

  @ApiProperty({ example: 1_000, description: 'venue commission, basis points of net sales, for every UPT' })
  @IsInt32(0, MAX_COMMISSION_BP)
  commissionBp: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @IsInt32(0, MAX_DISCOUNT_BP)
  maxDiscountBp?: number;

  @ApiPropertyOptional({ enum: SHRINKAGE_LIABILITIES, default: 'VENUE' })
  @IsOptional()
  @IsIn(SHRINKAGE_LIABILITIES)
  shrinkageLiability?: ShrinkageLiability;

  @ApiProperty({ example: ['LP-SRG', 'RT-SRG-1', 'LP-TGR-1'] })
  @BoundedArray({ min: 1, max: MAX_EXHIBITION_UPTS })
  @Matches(ORG_CODE_PATTERN, { each: true })
  uptCodes: string[];
}

export class ExhibitionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Kanwil code' })
  @IsOptional()
  @Matches(ORG_CODE_PATTERN)
  kanwil?: string;

  @ApiPropertyOptional({ example: 'PIPAS Banten' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  series?: string;
}

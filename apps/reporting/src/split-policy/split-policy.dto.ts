import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE_PATTERN, ORG_CODE_PATTERN } from '@titipan/contracts';
import { BoundedArray, IsInt32, PageQueryDto } from '@titipan/platform';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import type { SplitShare } from '../statement/domain/split';
import { SHARE_NAMES, type SplitPolicy } from './domain/split-policy';

const EFFECTIVE_FROM =
  'first day the policy is in effect. A statement uses the policy in effect on the last day of its month, so a policy ' +
  'effective from any day of a month governs that whole month and every later month, until a later policy of the same ' +
  "kind takes over. A UPT's own policy in effect always wins over the national default.";

export class SplitShareDto implements SplitShare {
  @ApiProperty({ enum: SHARE_NAMES, description: 'PNBP: state revenue; PREMI: pay to the inmate workers; CAPITAL: production capital' })
  @IsIn(SHARE_NAMES)
  name: string;

  @ApiProperty({ example: 1500, description: 'basis points of the proceeds (10,000 = 100 %); the shares of a policy sum to 10,000' })
  @IsInt32(0, 10_000)
  basisPoints: number;

  @ApiProperty({ example: 'Kepmen M.01-PP.02.01/1990' })
  @IsString()
  @Length(1, 200)
  legalReference: string;
}

export class CreateSplitPolicyDto {
  @ApiPropertyOptional({ description: 'UPT code; omit for the national default' })
  @IsOptional()
  @Matches(ORG_CODE_PATTERN)
  uptCode?: string;

  @ApiProperty({ example: '2026-01-01', description: EFFECTIVE_FROM })
  @Matches(DATE_PATTERN)
  effectiveFrom: string;

  @ApiProperty({ type: [SplitShareDto] })
  @BoundedArray({ min: 1, max: 3 })
  @ValidateNested({ each: true })
  @Type(() => SplitShareDto)
  shares: SplitShareDto[];
}

export class SplitPolicyQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: "UPT code: that UPT's own policies and the national defaults; omit for all" })
  @IsOptional()
  @IsString()
  upt?: string;
}

export class SplitPolicyResponse implements SplitPolicy {
  @ApiProperty()
  id: string;

  @ApiProperty({ type: String, nullable: true, description: 'UPT code; null for the national default' })
  uptCode: string | null;

  @ApiProperty({ example: '2026-01-01', description: EFFECTIVE_FROM })
  effectiveFrom: string;

  @ApiProperty({ type: [SplitShareDto] })
  shares: SplitShareDto[];
}

export class SplitPolicyPage {
  @ApiProperty({ type: [SplitPolicyResponse] })
  items: SplitPolicyResponse[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}

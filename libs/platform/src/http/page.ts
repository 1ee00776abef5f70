import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ORG_CODE_PATTERN } from '@titipan/contracts';
import { IsOptional, Matches } from 'class-validator';
import { IsInt32 } from './field-rules';

/** limit/offset paging for list endpoints; responses carry the total so clients can page. */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 50 })
  @Type(() => Number)
  @IsInt32(1, 200)
  limit = 50;

  @ApiPropertyOptional({ default: 0 })
  @Type(() => Number)
  @IsInt32(0, 1_000_000)
  offset = 0;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** Paging plus the UPT and venue filters most lists of agreement documents take (within the caller's scope). */
export class OrgPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'UPT code' })
  @IsOptional()
  @Matches(ORG_CODE_PATTERN)
  upt?: string;

  @ApiPropertyOptional({ description: 'venue code' })
  @IsOptional()
  @Matches(ORG_CODE_PATTERN)
  venue?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ORG_CODE_PATTERN } from '@titipan/contracts';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** limit/offset paging for list endpoints; responses carry the total so clients can page. */
export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
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

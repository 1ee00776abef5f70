import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt32, PageQueryDto } from '@titipan/platform';
import { IsOptional } from 'class-validator';

export class NearExpiryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'window in days; the configured default (NEAR_EXPIRY_DAYS) if omitted' })
  @IsOptional()
  @Type(() => Number)
  @IsInt32(1, 365)
  days?: number;
}

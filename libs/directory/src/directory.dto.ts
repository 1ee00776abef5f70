import { ApiPropertyOptional } from '@nestjs/swagger';
import { ORG_CODE_PATTERN } from '@titipan/contracts';
import { PageQueryDto } from '@titipan/platform';
import { IsOptional, Matches } from 'class-validator';

export class UptQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Kanwil code' })
  @IsOptional()
  @Matches(ORG_CODE_PATTERN)
  kanwil?: string;
}

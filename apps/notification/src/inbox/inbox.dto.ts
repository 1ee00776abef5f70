import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto, toBoolean } from '@titipan/platform';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

export class InboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ default: false, description: 'only notices not read yet' })
  @Transform(toBoolean)
  @IsBoolean()
  unread = false;
}

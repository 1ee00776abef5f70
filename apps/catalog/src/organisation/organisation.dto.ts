import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  KanwilRegisteredV1,
  ORG_CODE_PATTERN,
  UPT_CLASSES,
  UPT_TYPES,
  UptRegisteredV1,
  type UptClass,
  type UptType,
} from '@titipan/contracts';
import { PageQueryDto } from '@titipan/platform';
import { IsOptional, Matches } from 'class-validator';

/** Same rules as the event payload it becomes (inherited validators). */
export class RegisterKanwilDto extends KanwilRegisteredV1 {
  @ApiProperty({ example: 'KW-BANTEN', pattern: '^[A-Z0-9-]{2,20}$' })
  override code: string;

  @ApiProperty({ example: 'Kanwil Ditjenpas Banten', maxLength: 200 })
  override name: string;
}

/** Same rules as the event payload it becomes (inherited validators). */
export class RegisterUptDto extends UptRegisteredV1 {
  @ApiProperty({ example: 'LP-TGR-1', pattern: '^[A-Z0-9-]{2,20}$' })
  override code: string;

  @ApiProperty({ example: 'Lapas Kelas I Tangerang', maxLength: 200 })
  override name: string;

  @ApiProperty({ enum: UPT_TYPES })
  override type: UptType;

  @ApiProperty({ enum: UPT_CLASSES })
  override class: UptClass;

  @ApiProperty({ example: 'KW-BANTEN' })
  override kanwilCode: string;

  @ApiProperty({ example: '412345', description: 'satuan kerja code, 6 digits' })
  override satkerCode: string;
}

export class UptQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Kanwil code' })
  @IsOptional()
  @Matches(ORG_CODE_PATTERN)
  kanwil?: string;
}

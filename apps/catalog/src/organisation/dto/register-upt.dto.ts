import { ApiProperty } from '@nestjs/swagger';
import { UPT_CLASSES, UPT_TYPES, UptRegisteredV1, type UptClass, type UptType } from '@titipan/contracts';

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

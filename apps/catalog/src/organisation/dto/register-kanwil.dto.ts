import { ApiProperty } from '@nestjs/swagger';
import { KanwilRegisteredV1 } from '@titipan/contracts';

/** Same rules as the event payload it becomes (inherited validators). */
export class RegisterKanwilDto extends KanwilRegisteredV1 {
  @ApiProperty({ example: 'KW-BANTEN', pattern: '^[A-Z0-9-]{2,20}$' })
  override code: string;

  @ApiProperty({ example: 'Kanwil Ditjenpas Banten', maxLength: 200 })
  override name: string;
}

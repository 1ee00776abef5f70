import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INDONESIAN_TIME_ZONES, ORG_CODE_PATTERN, VENUE_TYPES, VenueRegisteredV1, type VenueType } from '@titipan/contracts';
import { PageQueryDto } from '@titipan/platform';
import { IsOptional, Matches } from 'class-validator';

/** Same rules as the event payload it becomes (inherited validators). */
export class RegisterVenueDto extends VenueRegisteredV1 {
  @ApiProperty({ example: 'IMI-TGR-LOUNGE' })
  override code: string;

  @ApiProperty({ example: 'Gerai UMKM WBP, Lounge Layanan Publik Kantor Imigrasi Khusus Tangerang' })
  override name: string;

  @ApiProperty({ example: 'Kantor Imigrasi Kelas I Khusus TPI Tangerang' })
  override partnerAgency: string;

  @ApiProperty({ enum: VENUE_TYPES })
  override type: VenueType;

  @ApiProperty({ example: 'KW-BANTEN' })
  override kanwilCode: string;

  @ApiProperty({ enum: INDONESIAN_TIME_ZONES, description: 'settlement months are counted in this zone' })
  override timeZone: string;

  @ApiProperty({ description: 'sells for several UPTs (e.g. the Tangerang lounge for Tangerang Raya)' })
  override collectiveOutlet: boolean;
}

export class VenueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Kanwil code' })
  @IsOptional()
  @Matches(ORG_CODE_PATTERN)
  kanwil?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { DATE_PATTERN } from '@titipan/contracts';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { IsInt32, MultiLineText } from '@titipan/platform';

export class CurationScoresDto {
  @ApiProperty()
  @IsInt32(1, 5)
  quality: number;

  @ApiProperty({ description: 'packaging and labelling' })
  @IsInt32(1, 5)
  packaging: number;

  @ApiProperty()
  @IsInt32(1, 5)
  compliance: number;

  @ApiProperty()
  @IsInt32(1, 5)
  marketPotential: number;
}

export class ReviewDto {
  @ApiProperty({ enum: ['APPROVE', 'REJECT'] })
  @IsIn(['APPROVE', 'REJECT'])
  decision: 'APPROVE' | 'REJECT';

  @ApiProperty({ type: CurationScoresDto })
  @ValidateNested()
  @Type(() => CurationScoresDto)
  scores: CurationScoresDto;

  @ApiPropertyOptional({ maxLength: 2000, description: 'required when rejecting: the reason the UPT will read' })
  @ValidateIf((o: ReviewDto) => o.decision === 'REJECT' || o.notes !== undefined)
  @IsString()
  @Length(1, 2000)
  @MultiLineText()
  notes?: string;

  @ApiPropertyOptional({
    example: '2026-01-15',
    description:
      'the day (WIB) the curation board decided, when a decision taken on paper (berita acara kurasi) is recorded later; today if omitted, ' +
      'never after today. An approval takes effect from the start of that day: consignment checks dispatches against it',
  })
  @IsOptional()
  @Matches(DATE_PATTERN)
  @IsISO8601({ strict: true }) // a real day: not 2026-02-30
  decidedOn?: string;
}

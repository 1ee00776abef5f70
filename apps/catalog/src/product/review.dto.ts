import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt32, MultiLineText } from '@titipan/platform';
import { IsIn, IsString, Length, ValidateIf, ValidateNested } from 'class-validator';

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
}

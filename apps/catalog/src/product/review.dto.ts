import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Length, Max, Min, ValidateIf, ValidateNested } from 'class-validator';

export class CurationScoresDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  quality: number;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'packaging and labelling' })
  @IsInt()
  @Min(1)
  @Max(5)
  packaging: number;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  compliance: number;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
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
  notes?: string;
}

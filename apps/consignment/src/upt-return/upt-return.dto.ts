import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOT_CODE_PATTERN, MAX_LINE_QUANTITY, MAX_LINES_PER_EVENT, RETURN_REASONS, type ReturnReason } from '@titipan/contracts';
import { Type } from 'class-transformer';
import { BoundedArray, IsInt32 } from '@titipan/platform';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { AgreementScopedQueryDto } from '../shared/agreement-scope.dto';

export class LotLineDto {
  @ApiProperty()
  @IsUUID()
  productId: string;

  @ApiProperty()
  @Matches(LOT_CODE_PATTERN)
  lotCode: string;

  @ApiPropertyOptional({ enum: ['SELLABLE', 'QUARANTINE'], default: 'SELLABLE' })
  @IsOptional()
  @IsIn(['SELLABLE', 'QUARANTINE'])
  bucket?: 'SELLABLE' | 'QUARANTINE';
}

export class ReturnLineDto extends LotLineDto {
  @ApiProperty()
  @IsInt32(1, MAX_LINE_QUANTITY)
  quantity: number;
}

export class ShipReturnDto {
  @ApiProperty()
  @IsUUID()
  agreementId: string;

  @ApiProperty({ enum: RETURN_REASONS })
  @IsIn(RETURN_REASONS)
  reason: ReturnReason;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  shippedAt?: string;

  @ApiProperty({ type: [ReturnLineDto] })
  @BoundedArray({ min: 1, max: MAX_LINES_PER_EVENT })
  @ValidateNested({ each: true })
  @Type(() => ReturnLineDto)
  lines: ReturnLineDto[];
}

export class UptReturnQueryDto extends AgreementScopedQueryDto {
  @ApiPropertyOptional({ enum: ['SHIPPED', 'RECEIVED'] })
  @IsOptional()
  @IsIn(['SHIPPED', 'RECEIVED'])
  status?: 'SHIPPED' | 'RECEIVED';
}

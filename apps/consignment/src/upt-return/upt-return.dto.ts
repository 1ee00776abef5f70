import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOT_CODE_PATTERN, MAX_LINE_QUANTITY, RETURN_REASONS, type ReturnReason } from '@titipan/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
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
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
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
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
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

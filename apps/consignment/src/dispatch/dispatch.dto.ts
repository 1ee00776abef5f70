import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE_PATTERN, LOT_CODE_PATTERN, MAX_LINE_QUANTITY, MAX_LINES_PER_EVENT } from '@titipan/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { AgreementScopedQueryDto } from '../shared/agreement-scope.dto';
import type { DispatchStatus } from './domain/dispatch';

export class DispatchLineDto {
  @ApiProperty()
  @IsUUID()
  productId: string;

  @ApiProperty({ example: 'KT-2611-01' })
  @Matches(LOT_CODE_PATTERN)
  lotCode: string;

  @ApiPropertyOptional({ example: '2027-02-20', description: 'required for perishables; omit for goods that do not expire' })
  @IsOptional()
  @Matches(DATE_PATTERN)
  expiryDate?: string;

  @ApiProperty({ minimum: 1, maximum: MAX_LINE_QUANTITY })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;
}

export class CreateDispatchDto {
  @ApiProperty()
  @IsUUID()
  agreementId: string;

  @ApiPropertyOptional({ description: 'when the goods left; now if omitted' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dispatchedAt?: string;

  @ApiProperty({ type: [DispatchLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES_PER_EVENT)
  @ValidateNested({ each: true })
  @Type(() => DispatchLineDto)
  lines: DispatchLineDto[];
}

export class ReceiptLineDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  lineNo: number;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(MAX_LINE_QUANTITY)
  accepted: number;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(MAX_LINE_QUANTITY)
  damaged: number;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(MAX_LINE_QUANTITY)
  short: number;

  @ApiPropertyOptional({ description: 'required when not all units were accepted' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;
}

export class ConfirmReceiptDto {
  @ApiPropertyOptional({ description: 'when the goods arrived; now if omitted' })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;

  @ApiProperty({ type: [ReceiptLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES_PER_EVENT)
  @ValidateNested({ each: true })
  @Type(() => ReceiptLineDto)
  lines: ReceiptLineDto[];
}

export class CancelDispatchDto {
  @ApiProperty()
  @IsString()
  @Length(1, 1000)
  reason: string;
}

export class DispatchQueryDto extends AgreementScopedQueryDto {
  @ApiPropertyOptional({ enum: ['IN_TRANSIT', 'RECEIVED', 'CANCELLED'] })
  @IsOptional()
  @IsIn(['IN_TRANSIT', 'RECEIVED', 'CANCELLED'])
  status?: DispatchStatus;
}

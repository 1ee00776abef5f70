import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE_PATTERN, LOT_CODE_PATTERN, MAX_LINE_QUANTITY, MAX_LINES_PER_EVENT } from '@titipan/contracts';
import { Type } from 'class-transformer';
import { BoundedArray, IsInt32, MultiLineText } from '@titipan/platform';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
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

  @ApiProperty()
  @IsInt32(1, MAX_LINE_QUANTITY)
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
  @BoundedArray({ min: 1, max: MAX_LINES_PER_EVENT })
  @ValidateNested({ each: true })
  @Type(() => DispatchLineDto)
  lines: DispatchLineDto[];
}

export class ReceiptLineDto {
  @ApiProperty({ description: 'line of the dispatch' })
  @IsInt32(1, MAX_LINES_PER_EVENT)
  lineNo: number;

  @ApiProperty()
  @IsInt32(0, MAX_LINE_QUANTITY)
  accepted: number;

  @ApiProperty()
  @IsInt32(0, MAX_LINE_QUANTITY)
  damaged: number;

  @ApiProperty()
  @IsInt32(0, MAX_LINE_QUANTITY)
  short: number;

  @ApiPropertyOptional({ description: 'required when not all units were accepted' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  @MultiLineText()
  reason?: string;
}

export class ConfirmReceiptDto {
  @ApiPropertyOptional({ description: 'when the goods arrived; now if omitted' })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;

  @ApiProperty({ type: [ReceiptLineDto] })
  @BoundedArray({ min: 1, max: MAX_LINES_PER_EVENT })
  @ValidateNested({ each: true })
  @Type(() => ReceiptLineDto)
  lines: ReceiptLineDto[];
}

export class CancelDispatchDto {
  @ApiProperty()
  @IsString()
  @Length(1, 1000)
  @MultiLineText()
  reason: string;
}

export class DispatchQueryDto extends AgreementScopedQueryDto {
  @ApiPropertyOptional({ enum: ['IN_TRANSIT', 'RECEIVED', 'CANCELLED'] })
  @IsOptional()
  @IsIn(['IN_TRANSIT', 'RECEIVED', 'CANCELLED'])
  status?: DispatchStatus;
}

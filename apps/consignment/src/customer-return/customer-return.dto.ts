import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_LINE_QUANTITY } from '@titipan/contracts';
import { IsInt32, MultiLineText } from '@titipan/platform';
import { IsBoolean, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { MAX_RECEIPT_LINE_NO } from '../sale/sale.dto';

export class CustomerReturnDto {
  @ApiProperty({ example: 'RT-TGR-0001', description: "the venue's return slip number: the return's identity for retries" })
  @IsString()
  @Length(1, 60)
  returnNo: string;

  @ApiProperty({ description: 'receipt number of the sale being reversed' })
  @IsString()
  @Length(1, 60)
  receiptNo: string;

  @ApiProperty({ description: 'line of the sale being reversed' })
  @IsInt32(1, MAX_RECEIPT_LINE_NO)
  lineNo: number;

  @ApiProperty()
  @IsInt32(1, MAX_LINE_QUANTITY)
  quantity: number;

  @ApiProperty({ description: 'back on the shelf, or quarantined until it goes back to the UPT' })
  @IsBoolean()
  resellable: boolean;

  @ApiProperty()
  @IsString()
  @Length(1, 1000)
  @MultiLineText()
  reason: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  returnedAt?: string;
}

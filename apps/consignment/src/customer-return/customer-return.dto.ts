import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_LINE_QUANTITY } from '@titipan/contracts';
import { IsBoolean, IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class CustomerReturnDto {
  @ApiProperty({ example: 'RT-TGR-0001', description: "the venue's return slip number: the return's identity for retries" })
  @IsString()
  @Length(1, 60)
  returnNo: string;

  @ApiProperty({ description: 'receipt number of the sale being reversed' })
  @IsString()
  @Length(1, 60)
  receiptNo: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  lineNo: number;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;

  @ApiProperty({ description: 'back on the shelf, or quarantined until it goes back to the UPT' })
  @IsBoolean()
  resellable: boolean;

  @ApiProperty()
  @IsString()
  @Length(1, 1000)
  reason: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  returnedAt?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { AgreementScopedQueryDto } from '../shared/agreement-scope.dto';

export class StockQueryDto extends AgreementScopedQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  product?: string;

  @ApiPropertyOptional({ enum: ['SELLABLE', 'QUARANTINE'] })
  @IsOptional()
  @IsIn(['SELLABLE', 'QUARANTINE'])
  bucket?: 'SELLABLE' | 'QUARANTINE';
}

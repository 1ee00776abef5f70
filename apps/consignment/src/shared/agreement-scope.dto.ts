import { ApiPropertyOptional } from '@nestjs/swagger';
import { PERIOD_FORMAT } from '@titipan/contracts';
import { OrgPageQueryDto } from '@titipan/platform';
import { IsOptional, IsUUID, Matches } from 'class-validator';

/**
 * The filters every list of agreement-scoped documents takes, with one meaning everywhere: `upt`, `venue`
 * (codes) and `agreement` (id), each within the caller's scope (one outside it is 403 OUT_OF_SCOPE), and paging.
 */
export class AgreementScopedQueryDto extends OrgPageQueryDto {
  @ApiPropertyOptional({ description: 'agreement id' })
  @IsOptional()
  @IsUUID()
  agreement?: string;
}

/** The scoped filters plus the month (YYYY-MM, venue time zone) a document falls in. */
export class AgreementPeriodQueryDto extends AgreementScopedQueryDto {
  @ApiPropertyOptional({ example: '2026-11' })
  @IsOptional()
  @Matches(PERIOD_FORMAT)
  period?: string;
}

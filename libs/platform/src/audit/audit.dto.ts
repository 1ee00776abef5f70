import { ApiPropertyOptional } from '@nestjs/swagger';
import { ORG_CODE_PATTERN, TIME_WITH_OFFSET_PATTERN } from '@titipan/contracts';
import { IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { OrgPageQueryDto } from '../http/page';
import { AUDIT_ENTITY_PATTERN } from './audit-entry';

/** Printable text: no control characters. */
const PRINTABLE = /^[^\p{Cc}]+$/u;

/** Filters of GET /audit; every one narrows, none widens the caller's scope. */
export class AuditQueryDto extends OrgPageQueryDto {
  @ApiPropertyOptional({ description: 'Kanwil code' })
  @IsOptional()
  @Matches(ORG_CODE_PATTERN)
  kanwil?: string;

  @ApiPropertyOptional({ description: 'kind of entity, e.g. agreement, dispatch, sales-batch, product, statement, split-policy' })
  @IsOptional()
  @Matches(AUDIT_ENTITY_PATTERN)
  entity?: string;

  @ApiPropertyOptional({ description: "the entity's id (an id, a code, or e.g. <agreement id>/<period> for a period)" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(PRINTABLE)
  id?: string;

  @ApiPropertyOptional({ description: "the acting subject (the token's sub)" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(PRINTABLE)
  actor?: string;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00+07:00', description: 'entries at or after this time (ISO-8601 with offset)' })
  @IsOptional()
  @Matches(TIME_WITH_OFFSET_PATTERN, { message: 'from must be an ISO-8601 time with an offset' })
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00+07:00', description: 'entries before this time (ISO-8601 with offset)' })
  @IsOptional()
  @Matches(TIME_WITH_OFFSET_PATTERN, { message: 'to must be an ISO-8601 time with an offset' })
  @IsISO8601({ strict: true })
  to?: string;
}

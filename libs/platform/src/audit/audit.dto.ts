import { ApiPropertyOptional } from '@nestjs/swagger';
import { ORG_CODE_PATTERN, TIME_WITH_OFFSET_PATTERN } from '@titipan/contracts';
import { Type } from 'class-transformer';
import { IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsInt32 } from '../http/field-rules';
import { OrgPageQueryDto } from '../http/page';
import { AUDIT_ENTITY_PATTERN } from './audit-entry';
import { AUDIT_CURSOR_PATTERN } from './audit-search';

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

/** An action as entries name it: `<service>.<entity>.<past tense>`, e.g. catalog.product.updated. */
const ACTION_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){0,5}$/;

/** Search text: printable, with at least one letter or digit to look for. */
const SEARCHABLE = /^(?=.*[\p{L}\p{N}])[^\p{Cc}]+$/u;

/** Filters of GET /audit-entries (admins): all of them together, newest first, a page at a time. */
export class AuditSearchQueryDto {
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

  @ApiPropertyOptional({ description: "who acted: the token's subject or the person's username" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(PRINTABLE)
  actor?: string;

  @ApiPropertyOptional({ example: 'consignment.dispatch.cancelled', description: 'what happened, exactly as entries name it' })
  @IsOptional()
  @Length(1, 100)
  @Matches(ACTION_PATTERN)
  action?: string;

  @ApiPropertyOptional({ description: "the entity's id (an id, a code, or e.g. <agreement id>/<period> for a period)" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(PRINTABLE)
  subject?: string;

  @ApiPropertyOptional({
    example: 'keripik LPP-TGR',
    description: 'words to find in the action, subject, actor and details (before and after); each word matches the start of a word',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(SEARCHABLE, { message: 'q must be printable text with a letter or digit' })
  q?: string;

  @ApiPropertyOptional({ default: 50 })
  @Type(() => Number)
  @IsInt32(1, 200)
  limit = 50;

  @ApiPropertyOptional({ description: "the previous page's nextCursor" })
  @IsOptional()
  @Matches(AUDIT_CURSOR_PATTERN, { message: "cursor must be a previous page's nextCursor" })
  cursor?: string;
}

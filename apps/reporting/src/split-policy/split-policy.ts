import { DomainError, newId } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE_PATTERN, ORG_CODE_PATTERN, type Actor } from '@titipan/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import type { SplitShare } from '../statement/domain/split';

/** The parts a UPT's proceeds are divided into. */
export const SHARE_NAMES = ['PNBP', 'PREMI', 'CAPITAL'] as const;

export class SplitShareDto implements SplitShare {
  @ApiProperty({ enum: SHARE_NAMES, description: 'PNBP: state revenue; PREMI: pay to the inmate workers; CAPITAL: production capital' })
  @IsIn(SHARE_NAMES)
  name: string;

  @ApiProperty({ example: 1500, description: 'basis points of the proceeds' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  basisPoints: number;

  @ApiProperty({ example: 'Kepmen M.01-PP.02.01/1990' })
  @IsString()
  @Length(1, 200)
  legalReference: string;
}

export class CreateSplitPolicyDto {
  @ApiPropertyOptional({ description: 'UPT code; omit for the national default' })
  @IsOptional()
  @Matches(ORG_CODE_PATTERN)
  uptCode?: string;

  @ApiProperty({ example: '2026-01-01', description: 'first day (inclusive) the policy applies to a settlement month' })
  @Matches(DATE_PATTERN)
  effectiveFrom: string;

  @ApiProperty({ type: [SplitShareDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => SplitShareDto)
  shares: SplitShareDto[];
}

export interface SplitPolicy {
  id: string;
  uptCode: string | null;
  effectiveFrom: string;
  shares: SplitShare[];
}

/**
 * Effective-dated proceeds split per UPT, with a national default set by the ministry. Practice differs
 * between UPTs (50/15/35, 60/15/25, …), so the split is data, never a constant.
 */
@Injectable()
export class SplitPolicyService {
  constructor(private readonly dataSource: DataSource) {}

  async create(input: CreateSplitPolicyDto, actor: Actor, manager: EntityManager): Promise<SplitPolicy> {
    const names = input.shares.map((s) => s.name);
    if (new Set(names).size !== names.length)
      throw new DomainError('validation', 'SHARE_REPEATED', 'each share may appear once', { field: 'shares' });
    if (!names.includes('PNBP'))
      throw new DomainError('validation', 'PNBP_SHARE_REQUIRED', 'a split must name the PNBP share', { field: 'shares' });
    const sum = input.shares.reduce((s, x) => s + x.basisPoints, 0);
    if (sum !== 10_000)
      throw new DomainError('validation', 'SHARES_NOT_WHOLE', `shares sum to ${sum} basis points, not 10,000`, { field: 'shares', sum });
    const id = newId();
    const rows = await manager.query(
      `INSERT INTO split_policy (id, upt_code, effective_from, shares, created_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [id, input.uptCode ?? null, input.effectiveFrom, JSON.stringify(input.shares), actor.id],
    );
    if (rows.length === 0) {
      throw new DomainError(
        'conflict',
        'POLICY_EXISTS',
        `a policy for ${input.uptCode ?? 'the national default'} from ${input.effectiveFrom} exists; policies are never rewritten`,
        {
          effectiveFrom: input.effectiveFrom,
        },
      );
    }
    return { id, uptCode: input.uptCode ?? null, effectiveFrom: input.effectiveFrom, shares: input.shares };
  }

  /** The UPT's own policy in effect on a day, else the national default then. */
  async effective(manager: EntityManager, uptCode: string, day: string): Promise<SplitPolicy | undefined> {
    const [row] = await manager.query(
      `SELECT id, upt_code AS "uptCode", to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom", shares FROM split_policy
        WHERE (upt_code = $1 OR upt_code IS NULL) AND effective_from <= $2
        ORDER BY (upt_code IS NULL), effective_from DESC LIMIT 1`,
      [uptCode, day],
    );
    return row;
  }

  list(uptCode?: string): Promise<SplitPolicy[]> {
    return this.dataSource.query(
      `SELECT id, upt_code AS "uptCode", to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom", shares FROM split_policy
        WHERE ($1::text IS NULL OR upt_code = $1 OR upt_code IS NULL) ORDER BY upt_code NULLS FIRST, effective_from`,
      [uptCode ?? null],
    );
  }
}

import { Injectable } from '@nestjs/common';
import type { UptClass, UptType } from '@titipan/contracts';
import { equalityWhere } from '@titipan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { Kanwil, Upt } from './domain/organisation';

interface KanwilRow {
  code: string;
  name: string;
  created_at: Date;
  created_by: string;
}

interface UptRow extends KanwilRow {
  type: UptType;
  class: UptClass;
  kanwil_code: string;
  satker_code: string;
}

const KANWIL_COLUMNS = `code, name, created_at, created_by`;
const UPT_COLUMNS = `code, name, type, class, kanwil_code, satker_code, created_at, created_by`;

const toKanwil = (r: KanwilRow): Kanwil => ({ code: r.code, name: r.name, createdAt: r.created_at, createdBy: r.created_by });
const toUpt = (r: UptRow): Upt => ({
  code: r.code,
  name: r.name,
  type: r.type,
  class: r.class,
  kanwilCode: r.kanwil_code,
  satkerCode: r.satker_code,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export interface Paging {
  limit: number;
  offset: number;
}

/** Kanwil and UPT rows; the only place that knows their tables. */
@Injectable()
export class OrganisationStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts unless the code exists; returns false for an existing code (no row is touched). */
  async insertKanwil(manager: EntityManager, kanwil: Omit<Kanwil, 'createdAt'>): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO kanwil (code, name, created_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING code`,
      [kanwil.code, kanwil.name, kanwil.createdBy],
    );
    return rows.length > 0;
  }

  async findKanwil(code: string, manager: EntityManager = this.dataSource.manager): Promise<Kanwil | undefined> {
    const [row] = await manager.query<KanwilRow[]>(`SELECT ${KANWIL_COLUMNS} FROM kanwil WHERE code = $1`, [code]);
    return row ? toKanwil(row) : undefined;
  }

  async listKanwils(page: Paging): Promise<{ items: Kanwil[]; total: number }> {
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM kanwil`);
    const rows = await this.dataSource.query<KanwilRow[]>(`SELECT ${KANWIL_COLUMNS} FROM kanwil ORDER BY code LIMIT $1 OFFSET $2`, [
      page.limit,
      page.offset,
    ]);
    return { items: rows.map(toKanwil), total };
  }

  /** Registered UPTs holding this code or this satker code. */
  async uptsClashingWith(manager: EntityManager, code: string, satkerCode: string): Promise<Pick<Upt, 'code' | 'satkerCode'>[]> {
    const rows = await manager.query<Pick<UptRow, 'code' | 'satker_code'>[]>(
      `SELECT code, satker_code FROM upt WHERE code = $1 OR satker_code = $2`,
      [code, satkerCode],
    );
    return rows.map((r) => ({ code: r.code, satkerCode: r.satker_code }));
  }

  async insertUpt(manager: EntityManager, upt: Omit<Upt, 'createdAt'>): Promise<void> {
    await manager.query(
      `INSERT INTO upt (code, name, type, class, kanwil_code, satker_code, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [upt.code, upt.name, upt.type, upt.class, upt.kanwilCode, upt.satkerCode, upt.createdBy],
    );
  }

  async findUpt(code: string): Promise<Upt | undefined> {
    const [row] = await this.dataSource.query<UptRow[]>(`SELECT ${UPT_COLUMNS} FROM upt WHERE code = $1`, [code]);
    return row ? toUpt(row) : undefined;
  }

  async listUpts(filter: Paging & { kanwilCode?: string }): Promise<{ items: Upt[]; total: number }> {
    const { where, params } = equalityWhere([['kanwil_code', filter.kanwilCode]]);
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM upt ${where}`, params);
    const rows = await this.dataSource.query<UptRow[]>(
      `SELECT ${UPT_COLUMNS} FROM upt ${where} ORDER BY code LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items: rows.map(toUpt), total };
  }
}

import { Injectable } from '@nestjs/common';
import type { VenueRegisteredV1 } from '@titipan/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Venue } from './domain/venue';

const SELECT = `SELECT code, name, partner_agency AS "partnerAgency", type, kanwil_code AS "kanwilCode", time_zone AS "timeZone",
                       collective_outlet AS "collectiveOutlet", created_at AS "createdAt" FROM venue`;

@Injectable()
export class VenueStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, v: VenueRegisteredV1, createdBy: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO venue (code, name, partner_agency, type, kanwil_code, time_zone, collective_outlet, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (code) DO NOTHING RETURNING code`,
      [v.code, v.name, v.partnerAgency, v.type, v.kanwilCode, v.timeZone, v.collectiveOutlet, createdBy],
    );
    return rows.length > 0;
  }

  async find(code: string, manager: EntityManager = this.dataSource.manager): Promise<Venue | undefined> {
    const [row] = await manager.query<Venue[]>(`${SELECT} WHERE code = $1`, [code]);
    return row;
  }

  async list(filter: { kanwilCode?: string; limit: number; offset: number }): Promise<{ items: Venue[]; total: number }> {
    const where = filter.kanwilCode ? 'WHERE kanwil_code = $3' : '';
    const params = filter.kanwilCode ? [filter.limit, filter.offset, filter.kanwilCode] : [filter.limit, filter.offset];
    const items = await this.dataSource.query<Venue[]>(`${SELECT} ${where} ORDER BY code LIMIT $1 OFFSET $2`, params);
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM venue ${where.replace('$3', '$1')}`,
      params.slice(2),
    );
    return { items, total };
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { KanwilEntity } from './kanwil.entity';
import { UptEntity } from './upt.entity';

/** Kanwil and UPT rows; the only place that knows their tables. */
@Injectable()
export class OrganisationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts unless the code exists; returns false for an existing code (no row is touched). */
  async insertKanwil(manager: EntityManager, row: Omit<KanwilEntity, 'createdAt'>): Promise<boolean> {
    const result = await manager.createQueryBuilder().insert().into(KanwilEntity).values(row).orIgnore().execute();
    return (result.raw as unknown[]).length > 0;
  }

  async insertUpt(manager: EntityManager, row: Omit<UptEntity, 'createdAt'>): Promise<'inserted' | 'duplicate-code' | 'duplicate-satker'> {
    const clash = await manager.findOne(UptEntity, { where: [{ code: row.code }, { satkerCode: row.satkerCode }] });
    if (clash) return clash.code === row.code ? 'duplicate-code' : 'duplicate-satker';
    await manager.insert(UptEntity, row);
    return 'inserted';
  }

  findKanwil(code: string, manager: EntityManager = this.dataSource.manager): Promise<KanwilEntity | null> {
    return manager.findOne(KanwilEntity, { where: { code } });
  }

  listKanwils(page: { limit: number; offset: number }): Promise<[KanwilEntity[], number]> {
    return this.dataSource.manager.findAndCount(KanwilEntity, { order: { code: 'ASC' }, take: page.limit, skip: page.offset });
  }

  findUpt(code: string): Promise<UptEntity | null> {
    return this.dataSource.manager.findOne(UptEntity, { where: { code } });
  }

  listUpts(filter: { kanwilCode?: string; limit: number; offset: number }): Promise<[UptEntity[], number]> {
    return this.dataSource.manager.findAndCount(UptEntity, {
      where: filter.kanwilCode ? { kanwilCode: filter.kanwilCode } : {},
      order: { code: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
  }
}

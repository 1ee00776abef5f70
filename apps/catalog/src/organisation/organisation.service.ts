import { DomainError, notFound } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { KanwilRegistered, UptRegistered, type Actor } from '@titipan/contracts';
import { UnitOfWork, type Page, type PageQueryDto } from '@titipan/platform';
import type { UptQueryDto } from './dto/upt-query.dto';
import type { RegisterKanwilDto } from './dto/register-kanwil.dto';
import type { RegisterUptDto } from './dto/register-upt.dto';
import { OrganisationRepository } from './persistence/organisation.repository';
import type { KanwilEntity } from './persistence/kanwil.entity';
import type { UptEntity } from './persistence/upt.entity';

/** Kanwil and UPT master data: written by admins, announced on catalog.events. */
@Injectable()
export class OrganisationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: OrganisationRepository,
  ) {}

  registerKanwil(input: RegisterKanwilDto, actor: Actor): Promise<KanwilEntity> {
    return this.uow.run(async (tx) => {
      const inserted = await this.repository.insertKanwil(tx.manager, { code: input.code, name: input.name, createdBy: actor.id });
      if (!inserted) throw new DomainError('conflict', 'KANWIL_EXISTS', `Kanwil ${input.code} is already registered`, { code: input.code });
      tx.publish(KanwilRegistered, { code: input.code, name: input.name });
      return (await this.repository.findKanwil(input.code, tx.manager))!;
    });
  }

  registerUpt(input: RegisterUptDto, actor: Actor): Promise<UptEntity> {
    return this.uow.run(async (tx) => {
      if (!(await this.repository.findKanwil(input.kanwilCode, tx.manager))) {
        throw new DomainError('rule', 'KANWIL_UNKNOWN', `Kanwil ${input.kanwilCode} is not registered`, { field: 'kanwilCode' });
      }
      const { code, name, type, kanwilCode, satkerCode } = input;
      const outcome = await this.repository.insertUpt(tx.manager, {
        code,
        name,
        type,
        class: input.class,
        kanwilCode,
        satkerCode,
        createdBy: actor.id,
      });
      if (outcome === 'duplicate-code') throw new DomainError('conflict', 'UPT_EXISTS', `UPT ${code} is already registered`, { code });
      if (outcome === 'duplicate-satker') {
        throw new DomainError('conflict', 'SATKER_CODE_TAKEN', `satker code ${satkerCode} belongs to another UPT`, { field: 'satkerCode' });
      }
      tx.publish(UptRegistered, { code, name, type, class: input.class, kanwilCode, satkerCode });
      return { code, name, type, class: input.class, kanwilCode, satkerCode, createdBy: actor.id, createdAt: new Date() };
    });
  }

  async listKanwils(page: PageQueryDto): Promise<Page<KanwilEntity>> {
    const [items, total] = await this.repository.listKanwils(page);
    return { items, total, limit: page.limit, offset: page.offset };
  }

  async listUpts(query: UptQueryDto): Promise<Page<UptEntity>> {
    const [items, total] = await this.repository.listUpts({ kanwilCode: query.kanwil, limit: query.limit, offset: query.offset });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async getUpt(code: string): Promise<UptEntity> {
    const upt = await this.repository.findUpt(code);
    if (!upt) throw notFound('UPT', code);
    return upt;
  }
}

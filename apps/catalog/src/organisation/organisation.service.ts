import { DomainError, notFound, refuse } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { KanwilRegistered, UptRegistered, type Actor } from '@titipan/contracts';
import { UnitOfWork, type Page, type PageQueryDto } from '@titipan/platform';
import type { Kanwil, Upt } from './domain/organisation';
import { UPT_REGISTRATION_REFUSAL_KIND, uptRegistrationRefusal } from './domain/upt-registration-rules';
import type { RegisterKanwilDto, RegisterUptDto, UptQueryDto } from './organisation.dto';
import { OrganisationStore } from './organisation.store';

/** Kanwil and UPT master data: written by admins, announced on catalog.events. */
@Injectable()
export class OrganisationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly store: OrganisationStore,
  ) {}

  registerKanwil(input: RegisterKanwilDto, actor: Actor): Promise<Kanwil> {
    return this.uow.run(async (tx) => {
      // insert-or-ignore rather than look-then-insert: two concurrent registrations cannot both pass
      const inserted = await this.store.insertKanwil(tx.manager, { code: input.code, name: input.name, createdBy: actor.id });
      if (!inserted) throw new DomainError('conflict', 'KANWIL_EXISTS', `Kanwil ${input.code} is already registered`, { code: input.code });
      tx.publish(KanwilRegistered, { code: input.code, name: input.name });
      return (await this.store.findKanwil(input.code, tx.manager))!;
    });
  }

  registerUpt(input: RegisterUptDto, actor: Actor): Promise<Upt> {
    const { code, name, type, kanwilCode, satkerCode } = input;
    return this.uow.run(async (tx) => {
      const kanwilRegistered = (await this.store.findKanwil(kanwilCode, tx.manager)) !== undefined;
      const clashes = await this.store.uptsClashingWith(tx.manager, code, satkerCode);
      const refusal = uptRegistrationRefusal({ upt: input, kanwilRegistered, clashes });
      if (refusal) refuse(refusal, UPT_REGISTRATION_REFUSAL_KIND);
      await this.store.insertUpt(tx.manager, { code, name, type, class: input.class, kanwilCode, satkerCode, createdBy: actor.id });
      tx.publish(UptRegistered, { code, name, type, class: input.class, kanwilCode, satkerCode });
      return { code, name, type, class: input.class, kanwilCode, satkerCode, createdBy: actor.id, createdAt: new Date() };
    });
  }

  async listKanwils(page: PageQueryDto): Promise<Page<Kanwil>> {
    const { items, total } = await this.store.listKanwils(page);
    return { items, total, limit: page.limit, offset: page.offset };
  }

  async listUpts(query: UptQueryDto): Promise<Page<Upt>> {
    const { items, total } = await this.store.listUpts({ kanwilCode: query.kanwil, limit: query.limit, offset: query.offset });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async getUpt(code: string): Promise<Upt> {
    const upt = await this.store.findUpt(code);
    if (!upt) throw notFound('UPT', code);
    return upt;
  }
}

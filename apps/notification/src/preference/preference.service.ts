import { Injectable } from '@nestjs/common';
import type { Actor } from '@titipan/contracts';
import { NOTICE_KINDS } from '../notice/domain/notice-rules';
import type { PreferencesDto } from './preference.dto';
import { PreferenceStore } from './preference.store';

/** Every kind with whether it comes by e-mail; the inbox always holds every kind. */
@Injectable()
export class PreferenceService {
  constructor(private readonly store: PreferenceStore) {}

  async get(actor: Actor): Promise<PreferencesDto> {
    const off = await this.store.emailOff(actor.id);
    return { kinds: NOTICE_KINDS.map((kind) => ({ kind, email: !off.has(kind) })) };
  }

  async set(actor: Actor, body: PreferencesDto): Promise<PreferencesDto> {
    await this.store.save(actor.id, body.kinds);
    return this.get(actor);
  }
}

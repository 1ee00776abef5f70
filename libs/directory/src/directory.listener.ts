import { Injectable } from '@nestjs/common';
import { isEvent, KanwilRegistered, UptRegistered, type EventEnvelope } from '@titipan/contracts';
import type { EventHandler, Tx } from '@titipan/platform';
import { DirectoryStore } from './directory.store';

/** Keeps this service's replica of Kanwil and UPT master data from catalog.events. */
@Injectable()
export class DirectoryListener implements EventHandler {
  readonly name = 'directory-replica';
  readonly streams = ['catalog'] as const;
  readonly events = [KanwilRegistered, UptRegistered];

  constructor(private readonly store: DirectoryStore) {}

  async handle(event: EventEnvelope<unknown>, tx: Tx): Promise<void> {
    if (isEvent(event, KanwilRegistered)) await this.store.upsertKanwil(tx.manager, event);
    else if (isEvent(event, UptRegistered)) await this.store.upsertUpt(tx.manager, event);
  }
}

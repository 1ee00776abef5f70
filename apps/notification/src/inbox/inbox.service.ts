import { Injectable } from '@nestjs/common';
import type { Actor } from '@titipan/contracts';
import { notFound } from '@titipan/kernel';
import { noticeText } from '../notice/domain/notice-text';
import type { InboxQueryDto } from './inbox.dto';
import { InboxStore, type NoticeRow } from './inbox.store';

/** A notice as the inbox shows it: its data, with its Indonesian title and text. */
const view = (n: NoticeRow) => ({ ...n, ...noticeText(n.kind, n.subject) });

/** The signed-in person's inbox: only their own notices, whatever id is asked for. */
@Injectable()
export class InboxService {
  constructor(private readonly store: InboxStore) {}

  async list(actor: Actor, query: InboxQueryDto) {
    const page = await this.store.list(actor.id, { limit: query.limit, offset: query.offset, unreadOnly: query.unread });
    return { ...page, items: page.items.map(view) };
  }

  async unreadCount(actor: Actor): Promise<{ unread: number }> {
    return { unread: await this.store.unread(actor.id) };
  }

  async read(actor: Actor, id: string) {
    const notice = await this.store.markRead(actor.id, id);
    if (!notice) throw notFound('notice', id);
    return view(notice);
  }

  async readAll(actor: Actor): Promise<{ marked: number }> {
    return { marked: await this.store.markAllRead(actor.id) };
  }
}

import { newId } from '@titipan/kernel';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor } from '@titipan/contracts';

/** What the current request or event handler runs on behalf of; read by logs and by the outbox. */
export interface RequestContext {
  correlationId: string;
  actor?: Actor;
  /** Set while a consumer handles an event: the id of that event. */
  causationId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runInContext<R>(context: RequestContext, work: () => R): R {
  return storage.run(context, work);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Keeps a caller's correlation id when it is well-formed, otherwise starts a new one. */
export function correlationIdFrom(header: unknown): string {
  return typeof header === 'string' && CORRELATION_ID.test(header) ? header : newId();
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { Controller, type Type } from '@nestjs/common';
import { EventPattern as NestEventPattern } from '@nestjs/microservices';
import { definitionKey, type EventDefinition, type EventEnvelope, type Stream } from '@titipan/contracts';
import type { Tx } from '../outbox/unit-of-work';

/** What a handler gets besides its events (`@Ctx()`): the transaction it runs in, and where the events came from. */
export interface EventContext {
  readonly tx: Tx;
  /** The consumer group, `<prefix><service>.<name>`. */
  readonly groupId: string;
  readonly topic: string;
  readonly partition: number;
}

export interface EventGroupOptions {
  /** Names the consumer group and the inbox rows; unique within the service, stable forever. */
  name: string;
  /** The streams the group reads; every event its methods name must be published on one of them. */
  streams: readonly Stream[];
}

/** The payload type an event definition carries (`EventDefinition<T>` gives `T`). */
export type PayloadOf<D> = D extends EventDefinition<infer T> ? T : never;

/** What the transport reads from each `@EventPattern` method (Nest hands it over as the pattern's extras). */
export interface EventRoute {
  /** `type@vN` of every event the method applies. */
  events: string[];
  definitions: readonly EventDefinition[];
  batch: boolean;
  /** The listener class; its `@EventGroup` names the group. */
  owner: Type<unknown>;
  method: string;
}

const EVENT_GROUP = Symbol('titipan:event-group');
const ROUTE_EXTRAS = 'titipanRoute';

/**
 * Marks a listener: a controller whose `@EventPattern` methods run as one consumer group. Put it in its feature
 * module's `controllers`; Nest finds its methods once, at start-up.
 */
export function EventGroup(options: EventGroupOptions): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(EVENT_GROUP, { name: options.name, streams: [...options.streams] }, target);
    Controller()(target);
  };
}

export function eventGroupOf(owner: Type<unknown>): EventGroupOptions | undefined {
  return Reflect.getMetadata(EVENT_GROUP, owner) as EventGroupOptions | undefined;
}

export function routeOf(extras: Record<string, unknown> | undefined): EventRoute | undefined {
  return extras?.[ROUTE_EXTRAS] as EventRoute | undefined;
}

/**
 * Carries a handler's own error past Nest's RPC exception filter (which replaces it with a generic one), so the
 * transport can tell a transient fault from a lasting one and dead-letter with the real message.
 */
export const handlerFailure = new AsyncLocalStorage<{ error?: unknown }>();

type OneHandler<T> = (event: EventEnvelope<T>, ctx: EventContext) => unknown;
type BatchHandler<T> = (events: EventEnvelope<T>[], ctx: EventContext) => unknown;
type TypedMethodDecorator<F> = <M extends F>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>) => void;

/**
 * Nest's `@EventPattern`, typed by the event definitions it names: the method must take `EventEnvelope<Payload>`
 * (one event) or, with `{ batch: true }`, `EventEnvelope<Payload>[]` (consecutive events of the batch at once), so a
 * wrong payload type is a compile error. Use `@Payload()` for the event(s) and `@Ctx()` for the EventContext.
 */
export function EventPattern<D extends EventDefinition<object>>(
  event: D,
  options?: { batch?: false },
): TypedMethodDecorator<OneHandler<PayloadOf<D>>>;
export function EventPattern<D extends EventDefinition<object>>(
  events: readonly D[],
  options?: { batch?: false },
): TypedMethodDecorator<OneHandler<PayloadOf<D>>>;
export function EventPattern<D extends EventDefinition<object>>(
  events: readonly D[] | D,
  options: { batch: true },
): TypedMethodDecorator<BatchHandler<PayloadOf<D>>>;
export function EventPattern(events: EventDefinition | readonly EventDefinition[], options: { batch?: boolean } = {}) {
  const definitions: readonly EventDefinition[] = Array.isArray(events) ? events : [events as EventDefinition];
  const keys = definitions.map((d) => definitionKey(d.type, d.version));
  return (target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
    const original = descriptor.value as (...args: unknown[]) => unknown;
    descriptor.value = async function (this: unknown, ...args: unknown[]) {
      try {
        return await original.apply(this, args);
      } catch (error) {
        const slot = handlerFailure.getStore();
        if (slot) slot.error = error;
        throw error;
      }
    };
    Object.defineProperty(descriptor.value, 'name', { value: original.name });
    const route: EventRoute = {
      events: keys,
      definitions,
      batch: options.batch === true,
      owner: target.constructor as Type<unknown>,
      method: String(key),
    };
    // the pattern names the method, so two groups applying the same event are two handlers, not one chain
    NestEventPattern(`${target.constructor.name}.${String(key)}`, { [ROUTE_EXTRAS]: route })(target, key, descriptor);
  };
}

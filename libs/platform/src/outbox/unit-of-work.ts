import { newId } from '@titipan/kernel';
import { buildEvent, systemActor, type EventDefinition, type EventEnvelope, type Stream } from '@titipan/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { currentContext } from '../context/request-context';
import type { OutboxStore } from './outbox.store';

/** A database transaction that can also record events; the events commit or roll back with it. */
export interface Tx {
  readonly manager: EntityManager;
  /** Records an event in the outbox of this transaction and returns its envelope. */
  publish<T extends object>(definition: EventDefinition<T>, data: T, options?: PublishOptions): EventEnvelope<T>;
}

export interface PublishOptions {
  /** Event time; defaults to now. */
  time?: Date;
  /** The event this one reacts to: its correlation id and actor carry over, its id becomes the causation id. */
  causedBy?: EventEnvelope;
}

/**
 * The one way business code writes: `uow.run(async (tx) => { ...writes...; tx.publish(Event, data) })`.
 * Actor, correlation and causation ids come from the current request or event being handled.
 */
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxStore,
    private readonly service: string,
  ) {}

  run<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    return this.dataSource.transaction((manager) => this.runIn(manager, work));
  }

  /** Same as run, inside a transaction the caller already holds (used by consumers with their inbox). */
  async runIn<R>(manager: EntityManager, work: (tx: Tx) => Promise<R>): Promise<R> {
    const pending: { stream: Stream; envelope: EventEnvelope }[] = [];
    const tx: Tx = {
      manager,
      publish: (definition, data, options) => {
        const cause = options?.causedBy;
        const context = currentContext();
        const envelope = buildEvent(definition, data, {
          source: this.service,
          actor: cause?.actor ?? context?.actor ?? systemActor(this.service),
          correlationId: cause?.correlationId ?? context?.correlationId ?? newId(),
          causationId: cause?.id ?? context?.causationId ?? null,
          time: options?.time,
        });
        pending.push({ stream: definition.stream, envelope });
        return envelope;
      },
    };
    const result = await work(tx);
    await this.outbox.append(manager, pending);
    return result;
  }
}

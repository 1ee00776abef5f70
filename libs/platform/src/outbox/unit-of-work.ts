import { newId } from '@titipan/kernel';
import { buildEvent, entityOf, systemActor, type EventDefinition, type EventEnvelope, type Stream } from '@titipan/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { changeEntry, eventEntry, type Acting, type AuditChange, type PendingAuditEntry } from '../audit/audit-entry';
import type { AuditTrail } from '../audit/audit-trail';
import { currentContext } from '../context/request-context';
import type { OutboxStore } from './outbox.store';

/** A database transaction that can also record events and audit entries; both commit or roll back with it. */
export interface Tx {
  readonly manager: EntityManager;
  /** Records an event in the outbox of this transaction and returns its envelope; the event is also the change's audit entry. */
  publish<T extends object>(definition: EventDefinition<T>, data: T, options?: PublishOptions): EventEnvelope<T>;
  /** Describes a change for the audit trail: one without an event, or the before and after of a change in place. */
  audit(change: AuditChange): void;
}

export interface PublishOptions {
  /** Event time; defaults to now. */
  time?: Date;
  /** The event this one reacts to: its correlation id and actor carry over, its id becomes the causation id. */
  causedBy?: EventEnvelope;
}

/**
 * The one way business code writes: `uow.run(async (tx) => { ...writes...; tx.publish(Event, data) })`.
 * Actor, correlation and causation ids come from the current request or event being handled. Every event
 * published and every change described with `tx.audit` becomes an entry of the audit trail, written in the
 * same transaction.
 */
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxStore,
    private readonly service: string,
    private readonly auditTrail: AuditTrail,
  ) {}

  run<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    return this.dataSource.transaction((manager) => this.runIn(manager, work));
  }

  /** Same as run, inside a transaction the caller already holds (used by consumers with their inbox). */
  async runIn<R>(manager: EntityManager, work: (tx: Tx) => Promise<R>): Promise<R> {
    const pending: { stream: Stream; envelope: EventEnvelope }[] = [];
    const audited: PendingAuditEntry[] = [];
    // outside any request or handler (a script), one correlation id ties the transaction's events and entries together
    const correlationId = newId();
    const acting = (): Acting => {
      const context = currentContext();
      return {
        actor: context?.actor ?? systemActor(this.service),
        correlationId: context?.correlationId ?? correlationId,
        causationId: context?.causationId ?? null,
      };
    };
    const tx: Tx = {
      manager,
      publish: (definition, data, options) => {
        const cause = options?.causedBy;
        const now = acting();
        const envelope = buildEvent(definition, data, {
          source: this.service,
          actor: cause?.actor ?? now.actor,
          correlationId: cause?.correlationId ?? now.correlationId,
          causationId: cause?.id ?? now.causationId,
          time: options?.time,
        });
        pending.push({ stream: definition.stream, envelope });
        audited.push(eventEntry(envelope, entityOf(definition), new Date()));
        return envelope;
      },
      audit: (change) => {
        audited.push(changeEntry(change, acting(), new Date()));
      },
    };
    const result = await work(tx);
    // the audit entries' scopes are one read; the entries and the outbox rows one write
    await this.outbox.append(manager, pending, await this.auditTrail.prepare(manager, audited));
    return result;
  }
}

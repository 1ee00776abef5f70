import { DomainError, notFound, periodOf, newId } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { isoWithOffset, ReturnReceived, ReturnShipped, type Actor } from '@titipan/contracts';
import { assertInScope, UnitOfWork } from '@titipan/platform';
import { DataSource } from 'typeorm';
import { AgreementRepository } from '../agreement/agreement.repository';
import { documentTime } from '../stock/domain/document-time';
import type { Movement } from '../stock/domain/movement';
import { lotKey, StockLedger } from '../stock/stock-ledger';
import type { ShipReturnDto } from './upt-return.dto';

/**
 * Goods going back from a venue to its UPT (unsold, expired, damaged, recall). They leave the venue's
 * stock when shipped; the UPT confirms arrival. Returns stay possible after an agreement ends.
 */
@Injectable()
export class UptReturnService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly agreements: AgreementRepository,
    private readonly ledger: StockLedger,
  ) {}

  async ship(input: ShipReturnDto, actor: Actor) {
    const shippedAt = documentTime(input.shippedAt, 'shippedAt', new Date());
    const id = newId();
    await this.uow.run(async (tx) => {
      const agreement = await this.agreements.lockExisting(tx.manager, input.agreementId);
      assertInScope(actor, 'venue', agreement.venueCode);
      const productIds = input.lines.map((l) => l.productId);
      const balances = await this.ledger.lotBalances(tx.manager, agreement.id, productIds);
      const prices = await this.ledger.lotPrices(tx.manager, agreement.id, productIds);
      const period = periodOf(shippedAt, agreement.timeZone);
      await this.ledger.assertPeriodsOpen(tx.manager, agreement.id, [period]);
      const lines = input.lines.map((line, i) => {
        const bucket = line.bucket ?? 'SELLABLE';
        const balance = balances.get(lotKey({ ...line, bucket }));
        if (!balance || balance.quantity < line.quantity) {
          throw new DomainError(
            'conflict',
            'INSUFFICIENT_STOCK',
            `line ${i + 1}: ${line.quantity} to return, ${balance?.quantity ?? 0} on hand in ${bucket}`,
            {
              line: i + 1,
              requested: line.quantity,
              available: balance?.quantity ?? 0,
            },
          );
        }
        balance.quantity -= line.quantity; // two lines of the same lot add up
        return {
          productId: line.productId,
          lotCode: line.lotCode,
          expiryDate: balance.expiryDate,
          bucket,
          quantity: line.quantity,
          unitPrice: prices.get(`${line.productId}|${line.lotCode}`)!,
        };
      });
      const movements: Movement[] = lines.map((l) => ({
        agreementId: agreement.id,
        ...l,
        kind: 'RETURNED_TO_UPT',
        quantity: -l.quantity,
        occurredAt: shippedAt,
        period,
        document: `upt-return:${id}`,
      }));
      await tx.manager.query(
        `INSERT INTO upt_return (id, agreement_id, reason, status, shipped_at, shipped_by, lines) VALUES ($1, $2, $3, 'SHIPPED', $4, $5, $6)`,
        [id, agreement.id, input.reason, shippedAt, actor.id, JSON.stringify(lines)],
      );
      await this.ledger.record(tx.manager, movements);
      tx.publish(ReturnShipped, {
        agreementId: agreement.id,
        returnId: id,
        reason: input.reason,
        shippedAt: isoWithOffset(shippedAt),
        period,
        lines,
      });
    });
    return this.get(id);
  }

  /** The UPT confirms the goods arrived back. */
  async receive(id: string, actor: Actor) {
    const found = await this.get(id);
    await this.uow.run(async (tx) => {
      const agreement = await this.agreements.lockExisting(tx.manager, found.agreementId);
      assertInScope(actor, 'upt', agreement.uptCode);
      const [current] = await tx.manager.query(`SELECT status FROM upt_return WHERE id = $1`, [id]);
      if (current.status !== 'SHIPPED') {
        throw new DomainError('conflict', 'ALREADY_RECEIVED', `return ${id} is ${current.status}`, {
          current: current.status,
          requested: 'RECEIVED',
        });
      }
      const receivedAt = new Date();
      await tx.manager.query(`UPDATE upt_return SET status = 'RECEIVED', received_at = $2, received_by = $3 WHERE id = $1`, [
        id,
        receivedAt,
        actor.id,
      ]);
      tx.publish(ReturnReceived, { agreementId: agreement.id, returnId: id, receivedAt: isoWithOffset(receivedAt) });
    });
    return this.get(id);
  }

  async get(id: string) {
    const [row] = await this.dataSource.query(
      `SELECT id, agreement_id AS "agreementId", reason, status, shipped_at AS "shippedAt", received_at AS "receivedAt", lines FROM upt_return WHERE id = $1`,
      [id],
    );
    if (!row) throw notFound('return', id);
    return row as { id: string; agreementId: string; reason: string; status: string; lines: unknown[] };
  }
}

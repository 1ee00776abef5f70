import { Injectable } from '@nestjs/common';
import { equalityWhere } from '@titipan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { AgreementScope } from '../shared/agreement-scope';
import type { Dispatch, DispatchLine, DispatchStatus } from './domain/dispatch';

const SELECT = `
  SELECT d.id, d.number, d.agreement_id AS "agreementId", d.upt_code AS "uptCode", d.venue_code AS "venueCode",
         v.kanwil_code AS "venueKanwilCode", d.status, d.dispatched_at AS "dispatchedAt", d.received_at AS "receivedAt",
         d.cancelled_at AS "cancelledAt", d.cancel_reason AS "cancelReason",
         (SELECT json_agg(json_build_object('lineNo', l.line_no, 'productId', l.product_id, 'lotCode', l.lot_code,
                 'expiryDate', l.expiry_date, 'quantity', l.quantity, 'unitPrice', l.unit_price, 'accepted', l.accepted,
                 'damaged', l.damaged, 'short', l.short, 'reason', l.reason) ORDER BY l.line_no)
            FROM dispatch_line l WHERE l.dispatch_id = d.id) AS lines
    FROM dispatch d JOIN venue v ON v.code = d.venue_code`;

@Injectable()
export class DispatchStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Next surat jalan number of a UPT in a year: SJ/<UPT>/<year>/<0001…>. */
  async nextNumber(manager: EntityManager, uptCode: string, year: number): Promise<string> {
    const [row] = await manager.query<{ last: number }[]>(
      `INSERT INTO dispatch_counter (upt_code, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (upt_code, year) DO UPDATE SET last = dispatch_counter.last + 1 RETURNING last`,
      [uptCode, year],
    );
    return `SJ/${uptCode}/${year}/${String(row.last).padStart(4, '0')}`;
  }

  async insert(
    manager: EntityManager,
    d: Omit<Dispatch, 'status' | 'receivedAt' | 'cancelledAt' | 'cancelReason' | 'venueKanwilCode'>,
    createdBy: string,
  ) {
    await manager.query(
      `INSERT INTO dispatch (id, number, agreement_id, upt_code, venue_code, status, dispatched_at, created_by)
       VALUES ($1, $2, $3, $4, $5, 'IN_TRANSIT', $6, $7)`,
      [d.id, d.number, d.agreementId, d.uptCode, d.venueCode, d.dispatchedAt, createdBy],
    );
    await manager.query(
      `INSERT INTO dispatch_line (dispatch_id, line_no, product_id, lot_code, expiry_date, quantity, unit_price)
       SELECT $1, * FROM unnest($2::int[], $3::uuid[], $4::text[], $5::date[], $6::int[], $7::bigint[])`,
      [
        d.id,
        d.lines.map((l) => l.lineNo),
        d.lines.map((l) => l.productId),
        d.lines.map((l) => l.lotCode),
        d.lines.map((l) => l.expiryDate),
        d.lines.map((l) => l.quantity),
        d.lines.map((l) => l.unitPrice),
      ],
    );
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<Dispatch | undefined> {
    const [row] = await manager.query<DispatchRow[]>(`${SELECT} WHERE d.id = $1`, [id]);
    return row ? normalise(row) : undefined;
  }

  /** The agreement a dispatch belongs to, without locking (to lock the agreement first). */
  async agreementOf(id: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query<{ agreement_id: string }[]>(`SELECT agreement_id FROM dispatch WHERE id = $1`, [id]);
    return row?.agreement_id;
  }

  async markReceived(
    manager: EntityManager,
    id: string,
    receivedAt: Date,
    period: string,
    by: string,
    lines: { lineNo: number; accepted: number; damaged: number; short: number; reason?: string }[],
  ) {
    await manager.query(`UPDATE dispatch SET status = 'RECEIVED', received_at = $2, received_period = $3, received_by = $4 WHERE id = $1`, [
      id,
      receivedAt,
      period,
      by,
    ]);
    await manager.query(
      `UPDATE dispatch_line l SET accepted = r.accepted, damaged = r.damaged, short = r.short, reason = r.reason
         FROM unnest($2::int[], $3::int[], $4::int[], $5::int[], $6::text[]) AS r(line_no, accepted, damaged, short, reason)
        WHERE l.dispatch_id = $1 AND l.line_no = r.line_no`,
      [
        id,
        lines.map((l) => l.lineNo),
        lines.map((l) => l.accepted),
        lines.map((l) => l.damaged),
        lines.map((l) => l.short),
        lines.map((l) => l.reason ?? null),
      ],
    );
  }

  async markCancelled(manager: EntityManager, id: string, reason: string): Promise<void> {
    await manager.query(`UPDATE dispatch SET status = 'CANCELLED', cancelled_at = now(), cancel_reason = $2 WHERE id = $1`, [id, reason]);
  }

  async list(
    scope: AgreementScope,
    filter: { status?: DispatchStatus },
    page: { limit: number; offset: number },
  ): Promise<{ items: Dispatch[]; total: number }> {
    const { where, params } = equalityWhere([
      ['d.venue_code', scope.venueCode],
      ['d.upt_code', scope.uptCode],
      ['v.kanwil_code', scope.kanwilCode],
      ['d.agreement_id', scope.agreementId],
      ['d.status', filter.status],
    ]);
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM dispatch d JOIN venue v ON v.code = d.venue_code ${where}`,
      params,
    );
    const rows = await this.dataSource.query<DispatchRow[]>(
      `${SELECT} ${where} ORDER BY d.dispatched_at, d.number LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    );
    return { items: rows.map(normalise), total };
  }
}

/** A dispatch as read: its lines come from json_agg, the price (bigint) as string or number. */
type DispatchRow = Omit<Dispatch, 'lines'> & { lines: (Omit<DispatchLine, 'unitPrice'> & { unitPrice: string | number })[] };

function normalise(row: DispatchRow): Dispatch {
  return { ...row, lines: row.lines.map((l) => ({ ...l, unitPrice: Number(l.unitPrice) })) };
}

import { Injectable } from '@nestjs/common';
import type { EventEnvelope, ExhibitionCreatedV1 } from '@titipan/contracts';
import type { EntityManager } from 'typeorm';
import type { AgreementCalendar } from '../projection/domain/projection-deltas';
import type { AgreementDim } from './domain/agreement';
import type { ControlTotals } from './domain/statement';

/** The tables a store of statement sources reads and writes: the live ones, or a replay's fresh copies. */
export interface SourceTables {
  events: string;
  periods: string;
  agreements: string;
  venues: string;
  closes: string;
  exhibitions: string;
}

export const LIVE_SOURCE_TABLES: SourceTables = {
  events: 'event_log',
  periods: 'event_period',
  agreements: 'agreement_dim',
  venues: 'venue_dim',
  closes: 'period_close_log',
  exhibitions: 'exhibition_dim',
};

/** The consignment events reporting applied, by agreement and period, and the dimensions they name (the only writer of them). */
@Injectable()
export class SourceEventsStore {
  constructor(private readonly t: SourceTables = LIVE_SOURCE_TABLES) {}

  async append(manager: EntityManager, rows: { event: EventEnvelope<unknown>; agreementId: string; periods: string[] }[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO ${this.t.events} (event_id, agreement_id, type, envelope)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[]) ON CONFLICT DO NOTHING`,
      [
        rows.map((r) => r.event.id),
        rows.map((r) => r.agreementId),
        rows.map((r) => r.event.type),
        rows.map((r) => JSON.stringify(r.event)),
      ],
    );
    const periods = rows.flatMap((r) => r.periods.map((period) => ({ agreementId: r.agreementId, period, eventId: r.event.id })));
    if (periods.length === 0) return;
    await manager.query(
      `INSERT INTO ${this.t.periods} (agreement_id, period, event_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[]) ON CONFLICT DO NOTHING`,
      [periods.map((p) => p.agreementId), periods.map((p) => p.period), periods.map((p) => p.eventId)],
    );
  }

  /**
   * Events of the agreement that moved stock in the period, and with `fromStart` also those before it
   * (for the opening stock when no earlier statement gives it).
   */
  async upTo(
    manager: EntityManager,
    agreementId: string,
    period: string,
    fromStart = true,
  ): Promise<{ events: EventEnvelope<unknown>[]; inPeriod: string[] }> {
    const rows: { envelope: EventEnvelope<unknown>; in_period: boolean }[] = await manager.query(
      `SELECT e.envelope, bool_or(p.period = $2) AS in_period
         FROM ${this.t.events} e JOIN ${this.t.periods} p ON p.event_id = e.event_id
        WHERE p.agreement_id = $1 AND ${fromStart ? 'p.period <= $2' : 'p.period = $2'}
        GROUP BY e.event_id, e.envelope ORDER BY e.event_id`,
      [agreementId, period],
    );
    return { events: rows.map((r) => r.envelope), inPeriod: rows.filter((r) => r.in_period).map((r) => r.envelope.id) };
  }

  async upsertVenue(
    manager: EntityManager,
    v: { code: string; name: string; partnerAgency: string; kanwilCode: string; timeZone: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.t.venues} (code, name, partner_agency, kanwil_code, time_zone) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, partner_agency = EXCLUDED.partner_agency, kanwil_code = EXCLUDED.kanwil_code, time_zone = EXCLUDED.time_zone`,
      [v.code, v.name, v.partnerAgency, v.kanwilCode, v.timeZone],
    );
  }

  async upsertAgreement(
    manager: EntityManager,
    a: AgreementDim & { validFrom: string; validTo: string | null; eventPeriod?: { first: string; last: string } },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.t.agreements} (agreement_id, upt_code, venue_code, commission_bp, shrinkage_liability, time_zone, valid_from, valid_to, status, event_first, event_last)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'ACTIVE', $9, $10)
       ON CONFLICT (agreement_id) DO UPDATE SET commission_bp = EXCLUDED.commission_bp, shrinkage_liability = EXCLUDED.shrinkage_liability,
         valid_to = EXCLUDED.valid_to`,
      [
        a.agreementId,
        a.uptCode,
        a.venueCode,
        a.commissionBp,
        a.shrinkageLiability,
        a.timeZone,
        a.validFrom,
        a.validTo,
        a.eventPeriod?.first ?? null,
        a.eventPeriod?.last ?? null,
      ],
    );
  }

  /** An exhibition as consignment announced it; a redelivery changes nothing. */
  async upsertExhibition(manager: EntityManager, x: ExhibitionCreatedV1): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.t.exhibitions} (exhibition_id, venue_code, name, series, edition, organiser_code, location, time_zone, first_day, last_day,
                                   return_window_days, upt_codes, agreement_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (exhibition_id) DO NOTHING`,
      [
        x.exhibitionId,
        x.venueCode,
        x.name,
        x.series,
        x.edition,
        x.organiserCode,
        x.location,
        x.timeZone,
        x.first,
        x.last,
        x.returnWindowDays,
        x.uptCodes,
        x.agreementIds,
      ],
    );
  }

  /**
   * What the projections need of each agreement named that reporting saw activated: its venue's time zone and, for
   * an exhibition's agreement, its event's days.
   */
  async calendars(manager: EntityManager, agreementIds: string[]): Promise<Map<string, AgreementCalendar>> {
    if (agreementIds.length === 0) return new Map();
    const rows: { agreement_id: string; time_zone: string; event_first: string | null; event_last: string | null }[] = await manager.query(
      `SELECT agreement_id, time_zone, to_char(event_first, 'YYYY-MM-DD') AS event_first, to_char(event_last, 'YYYY-MM-DD') AS event_last
         FROM ${this.t.agreements} WHERE agreement_id = ANY($1::uuid[])`,
      [agreementIds],
    );
    return new Map(
      rows.map((r) => [
        r.agreement_id,
        { timeZone: r.time_zone, eventDays: r.event_first && r.event_last ? { first: r.event_first, last: r.event_last } : null },
      ]),
    );
  }

  async terminateAgreement(manager: EntityManager, agreementId: string): Promise<void> {
    await manager.query(`UPDATE ${this.t.agreements} SET status = 'TERMINATED' WHERE agreement_id = $1`, [agreementId]);
  }

  async agreement(manager: EntityManager, agreementId: string): Promise<AgreementDim | undefined> {
    const [row]: AgreementDim[] = await manager.query(
      `SELECT a.agreement_id AS "agreementId", a.upt_code AS "uptCode", a.venue_code AS "venueCode", a.commission_bp AS "commissionBp",
              a.shrinkage_liability AS "shrinkageLiability", a.time_zone AS "timeZone", v.kanwil_code AS "venueKanwilCode", u.kanwil_code AS "uptKanwilCode"
         FROM ${this.t.agreements} a LEFT JOIN ${this.t.venues} v ON v.code = a.venue_code LEFT JOIN upt_replica u ON u.code = a.upt_code
        WHERE a.agreement_id = $1`,
      [agreementId],
    );
    return row;
  }

  async recordClose(
    manager: EntityManager,
    c: { agreementId: string; period: string; eventId: string; closedAt: string; controlTotals: ControlTotals },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.t.closes} (agreement_id, period, event_id, closed_at, control_totals) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [c.agreementId, c.period, c.eventId, c.closedAt, JSON.stringify(c.controlTotals)],
    );
  }

  async close(
    manager: EntityManager,
    agreementId: string,
    period: string,
  ): Promise<{ controlTotals: ControlTotals; eventId: string } | undefined> {
    const [row]: { control_totals: ControlTotals; event_id: string }[] = await manager.query(
      `SELECT control_totals, event_id FROM ${this.t.closes} WHERE agreement_id = $1 AND period = $2`,
      [agreementId, period],
    );
    return row ? { controlTotals: row.control_totals, eventId: row.event_id } : undefined;
  }
}

import { Injectable } from '@nestjs/common';
import type { ExhibitionCreatedV1, PersonChangedV1, VenueRegisteredV1 } from '@titipan/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export interface AgreementParties {
  uptCode: string;
  venueCode: string;
  uptKanwilCode: string | null;
  venueKanwilCode: string | null;
}

/** The service's own copies of what the other services announced: people, venues, agreements, products, statements. */
@Injectable()
export class ReplicaStore {
  constructor(private readonly dataSource: DataSource) {}

  async upsertPerson(m: EntityManager, p: PersonChangedV1, at: string): Promise<void> {
    await m.query(
      `INSERT INTO person_replica (person_id, username, role, scope, name, email, enabled, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (person_id) DO UPDATE SET username = EXCLUDED.username, role = EXCLUDED.role, scope = EXCLUDED.scope,
         name = EXCLUDED.name, email = EXCLUDED.email, enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at
       WHERE person_replica.updated_at <= EXCLUDED.updated_at`,
      [p.personId, p.username, p.role, p.scope, p.name, p.email, p.enabled, at],
    );
  }

  async upsertVenue(m: EntityManager, v: VenueRegisteredV1): Promise<void> {
    await m.query(
      `INSERT INTO venue_replica (code, name, kanwil_code, time_zone) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kanwil_code = EXCLUDED.kanwil_code, time_zone = EXCLUDED.time_zone`,
      [v.code, v.name, v.kanwilCode, v.timeZone],
    );
  }

  async upsertAgreement(m: EntityManager, a: { agreementId: string; uptCode: string; venueCode: string }): Promise<void> {
    await m.query(
      `INSERT INTO agreement_replica (agreement_id, upt_code, venue_code) VALUES ($1, $2, $3) ON CONFLICT (agreement_id) DO NOTHING`,
      [a.agreementId, a.uptCode, a.venueCode],
    );
  }

  /** The agreement's UPT and venue, with the Kanwil of each; undefined when its activation has not arrived. */
  async parties(m: EntityManager, agreementId: string): Promise<AgreementParties | undefined> {
    const rows: AgreementParties[] = await m.query(
      `SELECT a.upt_code AS "uptCode", a.venue_code AS "venueCode", u.kanwil_code AS "uptKanwilCode", v.kanwil_code AS "venueKanwilCode"
         FROM agreement_replica a
         LEFT JOIN upt_replica u ON u.code = a.upt_code
         LEFT JOIN venue_replica v ON v.code = a.venue_code
        WHERE a.agreement_id = $1`,
      [agreementId],
    );
    return rows[0];
  }

  /** A submission opens the product's wait for curation (again, after a revision). */
  async productSubmitted(m: EntityManager, p: { productId: string; uptCode: string; name: string }, at: string): Promise<void> {
    await m.query(
      `INSERT INTO product_replica (product_id, upt_code, name, submitted_at, decided_at) VALUES ($1, $2, $3, $4, NULL)
       ON CONFLICT (product_id) DO UPDATE SET name = EXCLUDED.name, submitted_at = EXCLUDED.submitted_at, decided_at = NULL
       WHERE product_replica.submitted_at IS NULL OR product_replica.submitted_at < EXCLUDED.submitted_at`,
      [p.productId, p.uptCode, p.name, at],
    );
  }

  /** An approval or refusal ends the wait; returns the product's name as submitted, if known. */
  async productDecided(m: EntityManager, p: { productId: string; uptCode: string; name?: string }, at: string): Promise<string | null> {
    const rows: { name: string | null }[] = await m.query(
      `INSERT INTO product_replica (product_id, upt_code, name, decided_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (product_id) DO UPDATE SET name = COALESCE(EXCLUDED.name, product_replica.name),
         decided_at = GREATEST(product_replica.decided_at, EXCLUDED.decided_at)
       RETURNING name`,
      [p.productId, p.uptCode, p.name ?? null, at],
    );
    return rows[0]?.name ?? null;
  }

  async statementIssued(
    m: EntityManager,
    s: { statementId: string; agreementId: string; period: string; proceeds: number; issuedAt: string },
  ): Promise<void> {
    await m.query(
      `INSERT INTO statement_replica (statement_id, agreement_id, period, proceeds, issued_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (statement_id) DO NOTHING`,
      [s.statementId, s.agreementId, s.period, s.proceeds, s.issuedAt],
    );
  }

  /** Paid on a day (the venue's date): counted from the end of that day in UTC+7 at the latest, so from its start here. */
  async statementPaid(m: EntityManager, statementId: string, paidOn: string): Promise<void> {
    await m.query(`UPDATE statement_replica SET paid_at = COALESCE(paid_at, $2::date::timestamptz) WHERE statement_id = $1`, [
      statementId,
      paidOn,
    ]);
  }

  async statementDeposited(m: EntityManager, statementId: string, depositedOn: string): Promise<void> {
    await m.query(`UPDATE statement_replica SET deposited_at = COALESCE(deposited_at, $2::date::timestamptz) WHERE statement_id = $1`, [
      statementId,
      depositedOn,
    ]);
  }

  async upsertExhibition(m: EntityManager, e: ExhibitionCreatedV1): Promise<void> {
    await m.query(
      `INSERT INTO exhibition_replica (exhibition_id, venue_code, name, time_zone, last_day, upt_codes) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (exhibition_id) DO UPDATE SET venue_code = EXCLUDED.venue_code, name = EXCLUDED.name,
         time_zone = EXCLUDED.time_zone, last_day = EXCLUDED.last_day, upt_codes = EXCLUDED.upt_codes`,
      [e.exhibitionId, e.venueCode, e.name, e.timeZone, e.last, e.uptCodes],
    );
  }

  /** Exhibitions whose last day is tomorrow at `now` in their venue's zone. */
  exhibitionsEndingTomorrow(
    now: Date,
  ): Promise<{ exhibitionId: string; venueCode: string; name: string; endDate: string; uptCodes: string[] }[]> {
    return this.dataSource.query(
      `SELECT exhibition_id AS "exhibitionId", venue_code AS "venueCode", name, to_char(last_day, 'YYYY-MM-DD') AS "endDate",
              upt_codes AS "uptCodes"
         FROM exhibition_replica WHERE last_day = ($1::timestamptz AT TIME ZONE time_zone)::date + 1`,
      [now],
    );
  }

  /** Products submitted before `before` and still undecided, with their UPT's Kanwil. */
  productsWaitingSince(
    before: Date,
  ): Promise<{ productId: string; uptCode: string; kanwilCode: string | null; name: string | null; submittedAt: string }[]> {
    return this.dataSource.query(
      `SELECT p.product_id AS "productId", p.upt_code AS "uptCode", u.kanwil_code AS "kanwilCode", p.name,
              to_char(p.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "submittedAt"
         FROM product_replica p LEFT JOIN upt_replica u ON u.code = p.upt_code
        WHERE p.submitted_at < $1 AND (p.decided_at IS NULL OR p.decided_at < p.submitted_at)`,
      [before],
    );
  }

  /** Statements issued before `before` and not paid, with their venue and its Kanwil. */
  statementsUnpaidSince(
    before: Date,
  ): Promise<{ statementId: string; period: string; issuedAt: string; venueCode: string; venueKanwilCode: string | null }[]> {
    return this.dataSource.query(
      `SELECT s.statement_id AS "statementId", s.period, to_char(s.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "issuedAt",
              a.venue_code AS "venueCode", v.kanwil_code AS "venueKanwilCode"
         FROM statement_replica s JOIN agreement_replica a USING (agreement_id) LEFT JOIN venue_replica v ON v.code = a.venue_code
        WHERE s.issued_at < $1 AND s.paid_at IS NULL AND s.proceeds > 0`,
      [before],
    );
  }

  /** Statements paid before `before` and not deposited, with their UPT and its Kanwil. */
  statementsUndepositedSince(
    before: Date,
  ): Promise<{ statementId: string; period: string; paidAt: string; uptCode: string; uptKanwilCode: string | null }[]> {
    return this.dataSource.query(
      `SELECT s.statement_id AS "statementId", s.period, to_char(s.paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "paidAt",
              a.upt_code AS "uptCode", u.kanwil_code AS "uptKanwilCode"
         FROM statement_replica s JOIN agreement_replica a USING (agreement_id) LEFT JOIN upt_replica u ON u.code = a.upt_code
        WHERE s.paid_at < $1 AND s.deposited_at IS NULL`,
      [before],
    );
  }
}

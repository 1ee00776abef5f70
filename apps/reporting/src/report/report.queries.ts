import { Injectable } from '@nestjs/common';
import type { ReadScope } from '@titipan/platform';
import { DataSource } from 'typeorm';
import { PROJECTIONS } from '../projection/domain/read-models';
import type {
  DiscrepancyRow,
  Freshness,
  MoverRow,
  OutstandingRow,
  PnbpProgressRow,
  RollupDimension,
  RollupRow,
  SalesMonthRow,
  SalesDayRow,
  StockRow,
} from './domain/report-rows';
import type { RegionFacts, RegionFilter } from './domain/region-filter';
import { sellThrough, type ExhibitionFigureRow, type ExhibitionRow } from './domain/exhibition-report';

const ROLLUP_KEYS: Record<RollupDimension, string> = {
  kanwil: 'u.kanwil_code',
  upt: 'a.upt_code',
  venue: 'a.venue_code',
  category: 'p.category',
  // a product reporting has not heard of from the catalog yet goes by its id
  product: 'COALESCE(p.sku, x.product_id::text)',
};

/** Joins that give every agreement-level row its venue, UPT (with Kanwil) and, for products, the product. */
const DIMS = `JOIN agreement_dim a ON a.agreement_id = x.agreement_id JOIN venue_dim v ON v.code = a.venue_code
              LEFT JOIN upt_replica u ON u.code = a.upt_code`;

/** Whose rows a view shows: the caller's scope, narrowed by the region filters it passed. */
export interface ReportFilter {
  scope: ReadScope;
  region: RegionFilter;
}

/**
 * `AND …` conditions limiting rows (with `a` the agreement, `v` its venue, `u` its UPT) to a reader's scope and
 * its region filters, with their parameters numbered after `offset`.
 */
function rowConditions({ scope, region }: ReportFilter, offset: number): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (value: string, condition: (placeholder: string) => string) => {
    params.push(value);
    conditions.push(` AND ${condition(`$${offset + params.length}`)}`);
  };
  if (scope.venueCode) add(scope.venueCode, (p) => `a.venue_code = ${p}`);
  else if (scope.uptCode) add(scope.uptCode, (p) => `a.upt_code = ${p}`);
  else if (scope.kanwilCode) add(scope.kanwilCode, (p) => `(v.kanwil_code = ${p} OR u.kanwil_code = ${p})`);
  // the Kanwil filter is the UPT's Kanwil, the rollup's Kanwil key, so a drill-down adds up to the row it came from
  if (region.kanwil !== undefined) add(region.kanwil, (p) => `u.kanwil_code = ${p}`);
  if (region.upt !== undefined) add(region.upt, (p) => `a.upt_code = ${p}`);
  return { sql: conditions.join(''), params };
}

// a statement's proceeds, PNBP and premi are columns generated from its figures (migration StatementMoneyColumns)
const PNBP = 's.pnbp';

const EXHIBITION_COLUMNS = `e.exhibition_id AS "exhibitionId", e.venue_code AS "venueCode", e.name, e.series, e.edition,
  e.organiser_code AS "organiserCode", e.location, e.time_zone AS "timeZone", to_char(e.first_day, 'YYYY-MM-DD') AS first,
  to_char(e.last_day, 'YYYY-MM-DD') AS last, to_char(e.first_day, 'YYYY-MM-DD') || '..' || to_char(e.last_day, 'YYYY-MM-DD') AS period,
  e.upt_codes AS "uptCodes", e.agreement_ids AS "agreementIds"`;

/**
 * The month a period column counts in for the monthly views: a month itself, an event period
 * (YYYY-MM-DD..YYYY-MM-DD) the month of its last day (characters 13 to 19), as monthOfPeriod in statement/domain/period.
 */
const monthOfPeriod = (column: string) => `CASE WHEN length(${column}) = 7 THEN ${column} ELSE substr(${column}, 13, 7) END`;

/** The ministry's and Kanwil's questions, answered from the read models and the statements (read only). */
@Injectable()
export class ReportQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** When the read models last applied an event. */
  async freshness(): Promise<Freshness> {
    const [row]: { last_event_time: Date | null; last_event_id: string | null }[] = await this.dataSource.query(
      `SELECT last_event_time, last_event_id FROM projection_state WHERE name = $1`,
      [PROJECTIONS],
    );
    return { lastEventTime: row?.last_event_time?.toISOString() ?? null, lastEventId: row?.last_event_id ?? null };
  }

  /**
   * Sales quantity and value per dimension in a month, with proceeds, PNBP and premi from the month's
   * statements (these are per agreement, so only for the Kanwil, UPT and venue dimensions).
   */
  async rollup(
    period: string,
    by: RollupDimension,
    filter: ReportFilter,
    page?: { limit: number; offset: number },
  ): Promise<{ rows: RollupRow[]; total: number }> {
    const key = ROLLUP_KEYS[by];
    const sales = rowConditions(filter, 1);
    // statements are per agreement: proceeds, PNBP and premi exist only by Kanwil, UPT and venue
    const perAgreement = by !== 'category' && by !== 'product';
    const paging = page ? `LIMIT $${sales.params.length + 2} OFFSET $${sales.params.length + 3}` : '';
    // by product, filtered: summed per product id first (a uuid hashes fast), then per SKU; grouping the month's rows
    // by the text key straight away sorted them all
    const months =
      by === 'product' && !sales.sql
        ? // national by product: the month's rows of the rollup the projection keeps per month and product
          `m AS (
             SELECT ${key} AS key, sum(x.sold)::int AS "soldQuantity", sum(x.gross_sales)::float8 AS "grossSales",
                    sum(x.gross_sales - x.returns_value)::float8 AS "netSales", sum(x.received)::int AS received
               FROM monthly_product_national x LEFT JOIN product_dim p ON p.product_id = x.product_id WHERE x.period = $1 GROUP BY 1)`
        : by === 'product'
          ? `per_product AS (
             SELECT x.product_id, sum(x.sold) AS sold, sum(x.gross_sales) AS gross_sales, sum(x.returns_value) AS returns_value,
                    sum(x.received) AS received
               FROM monthly_product x ${sales.sql ? DIMS : ''} WHERE x.period = $1 ${sales.sql} GROUP BY 1),
           m AS (
             SELECT ${key} AS key, sum(x.sold)::int AS "soldQuantity", sum(x.gross_sales)::float8 AS "grossSales",
                    sum(x.gross_sales - x.returns_value)::float8 AS "netSales", sum(x.received)::int AS received
               FROM per_product x LEFT JOIN product_dim p ON p.product_id = x.product_id GROUP BY 1)`
          : perAgreement && !sales.sql
            ? // national by Kanwil, UPT or venue: summed per agreement first, so the dimensions join a row per agreement,
              // not per product (filtered, joining first lets the filter drop most rows before they are summed)
              `per_agreement AS (
             SELECT x.agreement_id, sum(x.sold) AS sold, sum(x.gross_sales) AS gross_sales, sum(x.returns_value) AS returns_value,
                    sum(x.received) AS received
               FROM monthly_product x WHERE x.period = $1 GROUP BY 1),
           m AS (
             SELECT ${key} AS key, sum(x.sold)::int AS "soldQuantity", sum(x.gross_sales)::float8 AS "grossSales",
                    sum(x.gross_sales - x.returns_value)::float8 AS "netSales", sum(x.received)::int AS received
               FROM per_agreement x ${DIMS} WHERE true ${sales.sql} GROUP BY 1)`
            : `m AS (
             SELECT ${key} AS key, sum(x.sold)::int AS "soldQuantity", sum(x.gross_sales)::float8 AS "grossSales",
                    sum(x.gross_sales - x.returns_value)::float8 AS "netSales", sum(x.received)::int AS received
               FROM monthly_product x ${DIMS} LEFT JOIN product_dim p ON p.product_id = x.product_id
              WHERE x.period = $1 ${sales.sql} GROUP BY 1)`;
    const found: (RollupRow & { total: number })[] = await this.dataSource.query(
      `WITH ${months},
       st AS (
         SELECT ${perAgreement ? key : 'NULL::text'} AS key, sum(s.proceeds)::float8 AS proceeds,
                sum(s.pnbp)::float8 AS pnbp, sum(s.premi)::float8 AS premi
           FROM statement s JOIN agreement_dim a ON a.agreement_id = s.agreement_id JOIN venue_dim v ON v.code = a.venue_code
           LEFT JOIN upt_replica u ON u.code = a.upt_code
          WHERE ${perAgreement ? 'true' : 'false'} AND s.period = $1 AND s.status <> 'PENDING' ${sales.sql} GROUP BY 1)
       SELECT m.key, m."soldQuantity", m."grossSales", m."netSales", m.received,
              CASE WHEN m.received > 0 THEN round(m."soldQuantity"::numeric / m.received, 4)::float8 END AS "sellThrough",
              st.proceeds, st.pnbp, st.premi, count(*) OVER ()::int AS total
         FROM m LEFT JOIN st ON st.key = m.key ORDER BY m."grossSales" DESC, m.key ${paging}`,
      page ? [period, ...sales.params, page.limit, page.offset] : [period, ...sales.params],
    );
    const rows = found.map(({ total: _total, ...row }) => row);
    if (found.length > 0 || !page || page.offset === 0) return { rows, total: found[0]?.total ?? 0 };
    // a page past the end: count the rows it skipped
    return { rows, total: (await this.rollup(period, by, filter)).rows.length };
  }

  /** Units sold and received of a month per product (and its UPT); a product not yet in product_dim by its id. */
  sellers(period: string, filter: ReportFilter): Promise<MoverRow[]> {
    const s = rowConditions(filter, 1);
    return this.dataSource.query(
      `SELECT COALESCE(p.sku, x.product_id::text) AS sku, COALESCE(p.name, '') AS name, a.upt_code AS "uptCode", sum(x.sold)::int AS sold, sum(x.received)::int AS received
         FROM monthly_product x ${DIMS} LEFT JOIN product_dim p ON p.product_id = x.product_id
        WHERE x.period = $1 ${s.sql} GROUP BY 1, 2, 3`,
      [period, ...s.params],
    );
  }

  /** Damaged and short units against what was dispatched, per UPT and per venue. */
  async discrepancies(period: string, filter: ReportFilter): Promise<{ byUpt: DiscrepancyRow[]; byVenue: DiscrepancyRow[] }> {
    const s = rowConditions(filter, 1);
    const by = (key: string): Promise<DiscrepancyRow[]> =>
      this.dataSource.query(
        `SELECT ${key} AS key, sum(x.received + x.short)::int AS dispatched, sum(x.damaged)::int AS damaged, sum(x.short)::int AS short,
                round(sum(x.damaged)::numeric / NULLIF(sum(x.received + x.short), 0), 4)::float8 AS "damagedRate",
                round(sum(x.short)::numeric / NULLIF(sum(x.received + x.short), 0), 4)::float8 AS "shortRate"
           FROM monthly_product x ${DIMS} WHERE x.period = $1 AND (x.received + x.short) > 0 ${s.sql} GROUP BY 1 ORDER BY 1`,
        [period, ...s.params],
      );
    return { byUpt: await by('a.upt_code'), byVenue: await by('a.venue_code') };
  }

  salesDaily(from: string, to: string, filter: ReportFilter): Promise<SalesDayRow[]> {
    const s = rowConditions(filter, 2);
    return this.dataSource.query(
      `SELECT to_char(x.day, 'YYYY-MM-DD') AS day, a.venue_code AS "venueCode", a.upt_code AS "uptCode", sum(x.quantity)::int AS quantity,
              sum(x.amount)::float8 AS amount
         FROM sales_daily x ${DIMS} WHERE x.day BETWEEN $1 AND $2 ${s.sql} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [from, to, ...s.params],
    );
  }

  /** Stock at venues by lot, with days to expiry; `withinDays` keeps only lots expiring that soon. */
  stock(filter: ReportFilter, withinDays?: number, agreementId?: string): Promise<StockRow[]> {
    const s = rowConditions(filter, agreementId ? 1 : 0);
    return this.dataSource.query(
      `SELECT a.venue_code AS "venueCode", a.upt_code AS "uptCode", p.sku, p.name, x.lot_code AS "lotCode",
              CASE WHEN x.expiry_date = '9999-12-31' THEN NULL ELSE to_char(x.expiry_date, 'YYYY-MM-DD') END AS "expiryDate", x.quantity,
              CASE WHEN x.expiry_date = '9999-12-31' THEN NULL ELSE (x.expiry_date - (now() AT TIME ZONE v.time_zone)::date) END AS "daysLeft"
         FROM stock_on_hand x ${DIMS} LEFT JOIN product_dim p ON p.product_id = x.product_id
        WHERE x.quantity > 0 ${agreementId ? 'AND x.agreement_id = $1' : ''} ${s.sql}
          ${withinDays === undefined ? '' : `AND x.expiry_date <> '9999-12-31' AND x.expiry_date - (now() AT TIME ZONE v.time_zone)::date <= ${Number(withinDays)}`}
        ORDER BY x.expiry_date, a.venue_code, p.sku, x.lot_code`,
      agreementId ? [agreementId, ...s.params] : s.params,
    );
  }

  /** Issued statements not yet paid, oldest first, with how many days they have waited. */
  outstanding(filter: ReportFilter): Promise<Omit<OutstandingRow, 'ageBucket'>[]> {
    const s = rowConditions(filter, 0);
    return this.dataSource.query(
      `SELECT s.id, s.period, a.upt_code AS "uptCode", a.venue_code AS "venueCode", s.proceeds::float8 AS proceeds,
              s.issued_at AS "issuedAt", (now()::date - s.issued_at::date) AS "ageDays"
         FROM statement s JOIN agreement_dim a ON a.agreement_id = s.agreement_id JOIN venue_dim v ON v.code = a.venue_code
         LEFT JOIN upt_replica u ON u.code = a.upt_code
        WHERE s.status = 'ISSUED' ${s.sql} ORDER BY s.issued_at`,
      s.params,
    );
  }

  /**
   * Units sold and net sales per month of the range (the rollup's soldQuantity and netSales, summed), with the
   * PNBP of the months' statements; months without either are left out.
   */
  salesMonthly(from: string, to: string, filter: ReportFilter): Promise<SalesMonthRow[]> {
    const s = rowConditions(filter, 2);
    return this.dataSource.query(
      `WITH m AS (
         SELECT ${monthOfPeriod('x.period')} AS period, sum(x.sold)::int AS units, sum(x.gross_sales - x.returns_value)::float8 AS "netSales"
           FROM monthly_product x ${DIMS} WHERE ${monthOfPeriod('x.period')} BETWEEN $1 AND $2 ${s.sql} GROUP BY 1),
       st AS (
         SELECT ${monthOfPeriod('s.period')} AS period, sum(${PNBP})::float8 AS pnbp
           FROM statement s JOIN agreement_dim a ON a.agreement_id = s.agreement_id JOIN venue_dim v ON v.code = a.venue_code
           LEFT JOIN upt_replica u ON u.code = a.upt_code
          WHERE ${monthOfPeriod('s.period')} BETWEEN $1 AND $2 AND s.status <> 'PENDING' ${s.sql} GROUP BY 1)
       SELECT period, COALESCE(m.units, 0) AS units, COALESCE(m."netSales", 0) AS "netSales", COALESCE(st.pnbp, 0) AS pnbp
         FROM m FULL JOIN st USING (period) ORDER BY period`,
      [from, to, ...s.params],
    );
  }

  /** What the region filter rules need to know: the named UPT's Kanwil, the caller's own Kanwil, a shared agreement. */
  async regionFacts(filter: ReportFilter): Promise<RegionFacts> {
    const { scope, region } = filter;
    const shared = rowConditions(filter, 2);
    const own = scope.venueCode
      ? `(SELECT kanwil_code FROM venue_dim WHERE code = $2)`
      : scope.uptCode
        ? `(SELECT kanwil_code FROM upt_replica WHERE code = $2)`
        : `$2::text`;
    const [facts]: RegionFacts[] = await this.dataSource.query(
      `SELECT (SELECT kanwil_code FROM upt_replica WHERE code = $1) AS "uptKanwil", ${own} AS "ownKanwil",
              EXISTS (SELECT 1 FROM agreement_dim a JOIN venue_dim v ON v.code = a.venue_code LEFT JOIN upt_replica u ON u.code = a.upt_code
                       WHERE true ${shared.sql}) AS "sharesAgreement"`,
      [region.upt ?? null, scope.venueCode ?? scope.uptCode ?? scope.kanwilCode ?? null, ...shared.params],
    );
    return facts;
  }

  /** Each UPT's PNBP of the year (issued, and of that deposited) against its target revision in effect on `asOf`. */
  pnbpProgress(year: number, asOf: string, filter: ReportFilter): Promise<PnbpProgressRow[]> {
    const s = rowConditions(filter, 3);
    return this.dataSource.query(
      `SELECT t.upt_code AS "uptCode", t.amount::float8 AS target,
              COALESCE(sum(${PNBP}), 0)::float8 AS issued,
              COALESCE(sum(${PNBP}) FILTER (WHERE s.status = 'DEPOSITED'), 0)::float8 AS deposited,
              round(COALESCE(sum(${PNBP}) FILTER (WHERE s.status = 'DEPOSITED'), 0)::numeric / t.amount, 4)::float8 AS progress
         FROM (SELECT DISTINCT ON (upt_code) upt_code, amount FROM pnbp_target
                WHERE year = $2 AND effective_from <= $3 ORDER BY upt_code, effective_from DESC) t
         LEFT JOIN agreement_dim a ON a.upt_code = t.upt_code
         LEFT JOIN venue_dim v ON v.code = a.venue_code
         LEFT JOIN upt_replica u ON u.code = t.upt_code
         LEFT JOIN statement s ON s.agreement_id = a.agreement_id AND ${monthOfPeriod('s.period')} LIKE $1 || '-%' AND s.status <> 'PENDING'
        WHERE true ${s.sql.replace(/a\.upt_code/g, 't.upt_code')}
        GROUP BY t.upt_code, t.amount ORDER BY t.upt_code`,
      [String(year), year, asOf, ...s.params],
    );
  }

  /**
   * The exhibitions a reader sees, latest first: national roles every one; a Kanwil those it organises or where
   * its venue or one of its UPTs takes part; a UPT those it takes part in; a venue its own.
   */
  exhibitions(scope: ReadScope, exhibitionId?: string): Promise<ExhibitionRow[]> {
    const params: unknown[] = [exhibitionId ?? null];
    let condition = '';
    if (scope.venueCode) {
      params.push(scope.venueCode);
      condition = 'AND e.venue_code = $2';
    } else if (scope.uptCode) {
      params.push(scope.uptCode);
      condition = 'AND $2 = ANY(e.upt_codes)';
    } else if (scope.kanwilCode) {
      params.push(scope.kanwilCode);
      condition = `AND (e.organiser_code = $2 OR EXISTS (SELECT 1 FROM venue_dim v WHERE v.code = e.venue_code AND v.kanwil_code = $2)
                        OR EXISTS (SELECT 1 FROM upt_replica u WHERE u.code = ANY(e.upt_codes) AND u.kanwil_code = $2))`;
    }
    return this.dataSource.query(
      `SELECT ${EXHIBITION_COLUMNS} FROM exhibition_dim e WHERE ($1::uuid IS NULL OR e.exhibition_id = $1) ${condition}
        ORDER BY e.first_day DESC, e.name`,
      params,
    );
  }

  /** The edition of the same series held last before this one, whoever may read it (only its totals are shown). */
  async previousEdition(exhibition: ExhibitionRow): Promise<ExhibitionRow | undefined> {
    const [row]: ExhibitionRow[] = await this.dataSource.query(
      `SELECT ${EXHIBITION_COLUMNS} FROM exhibition_dim e WHERE e.series = $1 AND e.first_day < $2 ORDER BY e.first_day DESC LIMIT 1`,
      [exhibition.series, exhibition.first],
    );
    return row;
  }

  /**
   * Each participating UPT's figures for the exhibition's event period, with its statement's proceeds and PNBP
   * once issued; every UPT of the exhibition within the filter, sold or not.
   */
  async exhibitionByUpt(exhibition: ExhibitionRow, filter: ReportFilter): Promise<ExhibitionFigureRow[]> {
    const s = rowConditions(filter, 2);
    const rows: Omit<ExhibitionFigureRow, 'sellThrough'>[] = await this.dataSource.query(
      `SELECT a.upt_code AS "uptCode", COALESCE(x.received, 0)::int AS received, COALESCE(x.sold, 0)::int AS sold,
              COALESCE(x.gross_sales, 0)::float8 AS "grossSales", COALESCE(x.net_sales, 0)::float8 AS "netSales",
              s.proceeds::float8 AS proceeds, s.pnbp::float8 AS pnbp, s.status AS "statementStatus"
         FROM agreement_dim a JOIN venue_dim v ON v.code = a.venue_code LEFT JOIN upt_replica u ON u.code = a.upt_code
         LEFT JOIN (SELECT agreement_id, sum(received) AS received, sum(sold) AS sold, sum(gross_sales) AS gross_sales,
                           sum(gross_sales - returns_value) AS net_sales
                      FROM monthly_product WHERE period = $2 GROUP BY agreement_id) x ON x.agreement_id = a.agreement_id
         LEFT JOIN statement s ON s.agreement_id = a.agreement_id AND s.period = $2 AND s.status <> 'PENDING'
        WHERE a.agreement_id = ANY($1::uuid[]) ${s.sql} ORDER BY a.upt_code`,
      [exhibition.agreementIds, exhibition.period, ...s.params],
    );
    return rows.map((r) => ({ ...r, sellThrough: sellThrough(r.sold, r.received) }));
  }

  /** Each product's figures for the exhibition's event period (a product not yet in product_dim by its id). */
  async exhibitionByProduct(exhibition: ExhibitionRow, filter: ReportFilter): Promise<ExhibitionFigureRow[]> {
    const s = rowConditions(filter, 2);
    const rows: Omit<ExhibitionFigureRow, 'sellThrough'>[] = await this.dataSource.query(
      `SELECT a.upt_code AS "uptCode", COALESCE(p.sku, x.product_id::text) AS sku, COALESCE(p.name, '') AS name,
              sum(x.received)::int AS received, sum(x.sold)::int AS sold, sum(x.gross_sales)::float8 AS "grossSales",
              sum(x.gross_sales - x.returns_value)::float8 AS "netSales"
         FROM monthly_product x ${DIMS} LEFT JOIN product_dim p ON p.product_id = x.product_id
        WHERE x.agreement_id = ANY($1::uuid[]) AND x.period = $2 ${s.sql} GROUP BY 1, 2, 3 ORDER BY 1, 2`,
      [exhibition.agreementIds, exhibition.period, ...s.params],
    );
    return rows.map((r) => ({ ...r, sellThrough: sellThrough(r.sold, r.received) }));
  }
}

import { Injectable } from '@nestjs/common';
import type { Actor } from '@titipan/contracts';
import { DomainError, localDate } from '@titipan/kernel';
import { readScope } from '@titipan/platform';
import { DataSource } from 'typeorm';
import type { CsvDelimiter } from '../export/csv-file';
import { tableCsv } from '../export/table-export';
import { dayWithinYear } from '../pnbp-target/domain/pnbp-target';
import { assertReadsAgreement } from '../statement/domain/agreement';
import { SourceEventsStore } from '../statement/source-events.store';
import { assertRegionFilter, filtersRegion, type RegionFilter } from './domain/region-filter';
import { bestSellers, compareEditions, exhibitionTotals } from './domain/exhibition-report';
import { ageBucketOf, byAge, everyMonth, monthsBetween, movers, type RollupDimension } from './domain/report-rows';
import { ReportQueries, type ReportFilter } from './report.queries';
import { FILE_TYPES, reportWorkbook, ROLLUP_COLUMNS, type ReportAnswers, type ReportFile, type ReportView } from './report-workbook';

/** Read models for the ministry, Kanwil, UPTs and venues, within the caller's scope; each answer from them says how fresh it is. */
@Injectable()
export class ReportService {
  constructor(
    private readonly queries: ReportQueries,
    private readonly sources: SourceEventsStore,
    private readonly dataSource: DataSource,
  ) {}

  /** The caller's scope narrowed by its region filters, once the filters pass their rules (400 REGION_MISMATCH, 403 SCOPE_FORBIDDEN). */
  private async filterOf(region: RegionFilter, actor: Actor): Promise<ReportFilter> {
    const filter = { scope: readScope(actor), region: { kanwil: region.kanwil, upt: region.upt } };
    if (filtersRegion(filter.region)) assertRegionFilter({ actor, filter: filter.region, facts: await this.queries.regionFacts(filter) });
    return filter;
  }

  /** A view's answer as its XLSX download. */
  file<V extends ReportView>(view: V, answer: ReportAnswers[V], region: RegionFilter): Promise<ReportFile> {
    return reportWorkbook(view, answer, region);
  }

  /** A page of the rollup's rows, largest gross sales first, with their total; every row without a page (for the files). */
  async rollup(
    period: string,
    by: RollupDimension,
    region: RegionFilter,
    actor: Actor,
    page?: { limit: number; offset: number },
  ): Promise<ReportAnswers['rollup']> {
    const { rows, total } = await this.queries.rollup(period, by, await this.filterOf(region, actor), page);
    return { freshness: await this.queries.freshness(), period, by, rows, total, limit: page?.limit ?? null, offset: page?.offset ?? 0 };
  }

  async rollupCsv(period: string, by: RollupDimension, delimiter: CsvDelimiter | undefined, region: RegionFilter, actor: Actor) {
    const { rows } = await this.rollup(period, by, region, actor);
    return { body: tableCsv(ROLLUP_COLUMNS, rows, delimiter), type: FILE_TYPES.csv, filename: `rollup-${period}-${by}.csv` };
  }

  async salesMonthly(from: string, to: string, region: RegionFilter, actor: Actor): Promise<ReportAnswers['sales-monthly']> {
    const months = monthsBetween(from, to);
    const rows = await this.queries.salesMonthly(from, to, await this.filterOf(region, actor));
    return { freshness: await this.queries.freshness(), from, to, rows: everyMonth(months, rows) };
  }

  async movers(period: string, top: number, region: RegionFilter, actor: Actor): Promise<ReportAnswers['movers']> {
    const sellers = await this.queries.sellers(period, await this.filterOf(region, actor));
    return { freshness: await this.queries.freshness(), period, ...movers(sellers, top) };
  }

  async discrepancies(period: string, region: RegionFilter, actor: Actor): Promise<ReportAnswers['discrepancies']> {
    const rates = await this.queries.discrepancies(period, await this.filterOf(region, actor));
    return { freshness: await this.queries.freshness(), period, ...rates };
  }

  async salesDaily(from: string, to: string, region: RegionFilter, actor: Actor): Promise<ReportAnswers['sales-daily']> {
    if (to < from) throw new DomainError('validation', 'RANGE_REVERSED', 'to is before from', { field: 'to' });
    const rows = await this.queries.salesDaily(from, to, await this.filterOf(region, actor));
    return { freshness: await this.queries.freshness(), from, to, rows };
  }

  async stock(agreementId: string | undefined, region: RegionFilter, actor: Actor): Promise<ReportAnswers['stock']> {
    if (agreementId) assertReadsAgreement(actor, agreementId, await this.sources.agreement(this.dataSource.manager, agreementId));
    const rows = await this.queries.stock(await this.filterOf(region, actor), undefined, agreementId);
    return { freshness: await this.queries.freshness(), rows };
  }

  async nearExpiry(days: number, region: RegionFilter, actor: Actor): Promise<ReportAnswers['near-expiry']> {
    const rows = await this.queries.stock(await this.filterOf(region, actor), days);
    return { freshness: await this.queries.freshness(), days, rows };
  }

  /** Issued, unpaid statements, each with its age bucket, and the four buckets' counts and sums. */
  async outstanding(region: RegionFilter, actor: Actor): Promise<ReportAnswers['outstanding']> {
    const rows = (await this.queries.outstanding(await this.filterOf(region, actor))).map((r) => ({
      ...r,
      issuedAt: new Date(r.issuedAt).toISOString(),
      ageBucket: ageBucketOf(r.ageDays),
    }));
    return { freshness: await this.queries.freshness(), buckets: byAge(rows), rows };
  }

  /** Each UPT's PNBP of the year against the target in effect today (kept within the year). */
  async pnbpProgress(year: number, region: RegionFilter, actor: Actor): Promise<ReportAnswers['pnbp-progress']> {
    const asOf = dayWithinYear(localDate(new Date(), 'Asia/Jakarta'), year);
    const rows = await this.queries.pnbpProgress(year, asOf, await this.filterOf(region, actor));
    return { freshness: await this.queries.freshness(), year, asOf, rows };
  }

  /** The exhibitions the caller sees, latest first. */
  async exhibitions(actor: Actor): Promise<ReportAnswers['exhibitions']> {
    return { freshness: await this.queries.freshness(), rows: await this.queries.exhibitions(readScope(actor)) };
  }

  /**
   * One exhibition's figures per UPT and per product, its best sellers, and its totals against the previous
   * edition of its series (404 EXHIBITION_NOT_FOUND for one the caller does not see). The previous edition's
   * totals are of the same reader's rows, so a UPT compares its own figures.
   */
  async exhibition(exhibitionId: string, region: RegionFilter, actor: Actor): Promise<ReportAnswers['exhibition']> {
    const [exhibition] = await this.queries.exhibitions(readScope(actor), exhibitionId);
    if (!exhibition)
      throw new DomainError('not_found', 'EXHIBITION_NOT_FOUND', `no exhibition ${exhibitionId} within your scope`, { exhibitionId });
    const filter = await this.filterOf(region, actor);
    const byUpt = await this.queries.exhibitionByUpt(exhibition, filter);
    const byProduct = await this.queries.exhibitionByProduct(exhibition, filter);
    const totals = exhibitionTotals(byUpt);
    const previous = await this.queries.previousEdition(exhibition);
    return {
      freshness: await this.queries.freshness(),
      exhibition,
      byUpt,
      byProduct,
      bestSellers: bestSellers(byProduct),
      totals,
      previous: previous
        ? compareEditions(totals, { ...previous, totals: exhibitionTotals(await this.queries.exhibitionByUpt(previous, filter)) })
        : null,
    };
  }
}

import { Injectable } from '@nestjs/common';
import type { Actor } from '@titipan/contracts';
import { DomainError, localDate } from '@titipan/kernel';
import { readScope } from '@titipan/platform';
import { DataSource } from 'typeorm';
import type { CsvDelimiter } from '../export/csv-file';
import { tableCsv, tableXlsx, type TableColumn } from '../export/table-export';
import { dayWithinYear } from '../pnbp-target/domain/pnbp-target';
import { assertReadsAgreement } from '../statement/domain/agreement';
import { SourceEventsStore } from '../statement/source-events.store';
import { movers, type RollupDimension, type RollupRow } from './domain/report-rows';
import { ReportQueries } from './report.queries';

const ROLLUP_COLUMNS: TableColumn<RollupRow>[] = [
  { key: 'key', label: 'Key' },
  { key: 'soldQuantity', label: 'Sold (units)' },
  { key: 'grossSales', label: 'Gross sales', money: true },
  { key: 'netSales', label: 'Net sales', money: true },
  { key: 'received', label: 'Received (units)' },
  { key: 'sellThrough', label: 'Sell-through' },
  { key: 'proceeds', label: 'Proceeds', money: true },
  { key: 'pnbp', label: 'PNBP', money: true },
  { key: 'premi', label: 'Premi', money: true },
];

const FILE_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export interface ReportFile {
  body: Buffer;
  type: string;
  filename: string;
}

/** Read models for the ministry, Kanwil, UPTs and venues, within the caller's scope; each answer from them says how fresh it is. */
@Injectable()
export class ReportService {
  constructor(
    private readonly queries: ReportQueries,
    private readonly sources: SourceEventsStore,
    private readonly dataSource: DataSource,
  ) {}

  async rollup(period: string, by: RollupDimension, actor: Actor) {
    const rows = await this.queries.rollup(period, by, readScope(actor));
    return { freshness: await this.queries.freshness(), period, by, rows };
  }

  async rollupFile(
    period: string,
    by: RollupDimension,
    format: 'csv' | 'xlsx',
    delimiter: CsvDelimiter | undefined,
    actor: Actor,
  ): Promise<ReportFile> {
    const rows = await this.queries.rollup(period, by, readScope(actor));
    const body =
      format === 'csv' ? tableCsv(ROLLUP_COLUMNS, rows, delimiter) : await tableXlsx(`Rollup ${period} by ${by}`, ROLLUP_COLUMNS, rows);
    return { body, type: FILE_TYPES[format], filename: `rollup-${period}-${by}.${format}` };
  }

  async movers(period: string, top: number, actor: Actor) {
    const sellers = await this.queries.sellers(period, readScope(actor));
    return { freshness: await this.queries.freshness(), period, ...movers(sellers, top) };
  }

  async discrepancies(period: string, actor: Actor) {
    const rates = await this.queries.discrepancies(period, readScope(actor));
    return { freshness: await this.queries.freshness(), period, ...rates };
  }

  async salesDaily(from: string, to: string, actor: Actor) {
    if (to < from) throw new DomainError('validation', 'RANGE_REVERSED', 'to is before from', { field: 'to' });
    const rows = await this.queries.salesDaily(from, to, readScope(actor));
    return { freshness: await this.queries.freshness(), rows };
  }

  async stock(agreementId: string | undefined, actor: Actor) {
    if (agreementId) assertReadsAgreement(actor, agreementId, await this.sources.agreement(this.dataSource.manager, agreementId));
    const rows = await this.queries.stock(readScope(actor), undefined, agreementId);
    return { freshness: await this.queries.freshness(), rows };
  }

  async nearExpiry(days: number, actor: Actor) {
    const rows = await this.queries.stock(readScope(actor), days);
    return { freshness: await this.queries.freshness(), days, rows };
  }

  async outstanding(actor: Actor) {
    return { rows: await this.queries.outstanding(readScope(actor)) };
  }

  /** Each UPT's PNBP of the year against the target in effect today (kept within the year). */
  async pnbpProgress(year: number, actor: Actor) {
    const asOf = dayWithinYear(localDate(new Date(), 'Asia/Jakarta'), year);
    return { year, asOf, rows: await this.queries.pnbpProgress(year, asOf, readScope(actor)) };
  }
}

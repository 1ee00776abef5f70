import { equalityWhere, type Page } from '@titipan/platform';
import type { DataSource } from 'typeorm';
import type { AgreementScope } from './agreement-scope';

export interface DocumentTable {
  /** A table of documents that carry `agreement_id`, aliased `x`, e.g. `sale_line x`. */
  from: string;
  /** Columns to return, written against `x`, `a` (agreement) and `v` (venue). */
  select: string;
  orderBy: string;
  /** Conditions every row meets, besides the filters. */
  always?: string[];
}

/**
 * Pages through a table of agreement documents within an agreement scope (venue, UPT, Kanwil of the
 * venue, agreement) and a list's own equality filters on `x`.
 */
export async function listScoped<T>(
  dataSource: DataSource,
  table: DocumentTable,
  scope: AgreementScope,
  filters: [column: string, value: unknown][],
  page: { limit: number; offset: number },
): Promise<Page<T>> {
  const { where, params } = equalityWhere(
    [
      ['a.venue_code', scope.venueCode],
      ['a.upt_code', scope.uptCode],
      ['v.kanwil_code', scope.kanwilCode],
      ['x.agreement_id', scope.agreementId],
      ...filters,
    ],
    table.always,
  );
  const from = `FROM ${table.from} JOIN agreement a ON a.id = x.agreement_id JOIN venue v ON v.code = a.venue_code ${where}`;
  const [{ total }] = await dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total ${from}`, params);
  const items = await dataSource.query<T[]>(
    `SELECT ${table.select} ${from} ORDER BY ${table.orderBy} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  return { items, total, limit: page.limit, offset: page.offset };
}

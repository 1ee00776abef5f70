/**
 * Builds `WHERE a = $1 AND b = $2` from optional equality filters, skipping the ones not given.
 * Columns are code, never input; values always go as parameters.
 */
export function equalityWhere(filters: [column: string, value: unknown][], always: string[] = []): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const conditions = [...always];
  for (const [column, value] of filters) {
    if (value === undefined) continue;
    params.push(value);
    conditions.push(`${column} = $${params.length}`);
  }
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

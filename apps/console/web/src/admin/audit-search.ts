/**
 * The audit trail search across the three services: each answers its own `GET /audit-entries` newest first,
 * a page at a time; the console merges them by time. A merged list is only shown down to the point every
 * service with pages left has reached, so an older entry shown never hides a newer one still unfetched.
 */
export const AUDIT_SERVICES = ['catalog', 'consignment', 'reporting'] as const;
export type AuditService = (typeof AUDIT_SERVICES)[number];

/** One entry as a service answers it (libs/platform AuditRecord). */
export interface AuditEntry {
  position: string;
  at: string;
  actor: { id: string; role: string; scope: string | null; username?: string };
  correlationId?: string;
  action: string;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface ServiceEntry extends AuditEntry {
  service: AuditService;
}

/** The filters as the administrator types them: days (YYYY-MM-DD, read in WIB), person, action, subject, any text. */
export interface AuditFilters {
  fromDay: string;
  toDay: string;
  person: string;
  action: string;
  subject: string;
  text: string;
}

export const emptyFilters = (): AuditFilters => ({ fromDay: '', toDay: '', person: '', action: '', subject: '', text: '' });

/** The offset of WIB, the zone the administrators' days are read in (the ministry and the catalog sit in Jakarta). */
const WIB = '+07:00';

const nextDay = (day: string): string => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
};

export type AuditFilterProblem = 'fromDay' | 'toDay' | 'reversed' | 'action' | 'text';

/** An action as the services name it and take it (exactly): `<service>.<entity>.<past tense>`. */
const ACTION = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){0,5}$/;
/** Search words: at least one letter or digit to look for. */
const SEARCHABLE = /[\p{L}\p{N}]/u;

export function filterProblems(filters: AuditFilters): AuditFilterProblem[] {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const problems: AuditFilterProblem[] = [];
  if (filters.fromDay && !day.test(filters.fromDay)) problems.push('fromDay');
  if (filters.toDay && !day.test(filters.toDay)) problems.push('toDay');
  if (!problems.length && filters.fromDay && filters.toDay && filters.toDay < filters.fromDay) problems.push('reversed');
  if (filters.action.trim() && !ACTION.test(filters.action.trim())) problems.push('action');
  if (filters.text.trim() && !SEARCHABLE.test(filters.text)) problems.push('text');
  return problems;
}

/** The query of `GET /audit-entries`: the period from the first day's start to the end of the last (WIB). */
export function auditQuery(filters: AuditFilters, limit: number, cursor?: string | null): string {
  const params = new URLSearchParams();
  if (filters.fromDay) params.set('from', `${filters.fromDay}T00:00:00${WIB}`);
  if (filters.toDay) params.set('to', `${nextDay(filters.toDay)}T00:00:00${WIB}`);
  for (const [name, value] of [
    ['actor', filters.person],
    ['action', filters.action],
    ['subject', filters.subject],
    ['q', filters.text],
  ] as const) {
    if (value.trim()) params.set(name, value.trim());
  }
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/** What is fetched so far from one service. */
export interface SourceState {
  entries: ServiceEntry[];
  /** The cursor of the next page; null once the service has no more. */
  cursor: string | null;
  /** Why the service did not answer (its entries are left out, the others still show). */
  error?: string;
}

export type MergeState = Record<AuditService, SourceState>;

export const startState = (): MergeState =>
  Object.fromEntries(AUDIT_SERVICES.map((s) => [s, { entries: [], cursor: null }])) as unknown as MergeState;

/** A page as the service answers it: `{ items, nextCursor }`. */
export interface AuditPage {
  items: AuditEntry[];
  nextCursor?: string | null;
}

/** The state after a page of one service arrived. */
export function withPage(state: MergeState, service: AuditService, page: AuditPage): MergeState {
  const entries = page.items.map((e) => ({ ...e, service }));
  return {
    ...state,
    [service]: { entries: [...state[service].entries, ...entries], cursor: page.nextCursor ?? null },
  };
}

export function withError(state: MergeState, service: AuditService, error: string): MergeState {
  return { ...state, [service]: { ...state[service], cursor: null, error } };
}

const hasMore = (source: SourceState) => source.cursor !== null && !source.error;
const oldest = (source: SourceState): string | undefined => source.entries.at(-1)?.at;
const time = (at: string) => Date.parse(at);

/** Newest first; equal times by service, then by the service's own position (newest first). */
function byTime(a: ServiceEntry, b: ServiceEntry): number {
  return (
    time(b.at) - time(a.at) ||
    AUDIT_SERVICES.indexOf(a.service) - AUDIT_SERVICES.indexOf(b.service) ||
    b.position.localeCompare(a.position, 'en', { numeric: true })
  );
}

/**
 * The merged entries that can be shown: all of them, down to the oldest time every service with pages left has
 * reached; `more` when some service has pages left.
 */
export function mergedEntries(state: MergeState): { entries: ServiceEntry[]; more: boolean } {
  const open = AUDIT_SERVICES.map((s) => state[s]).filter(hasMore);
  const all = AUDIT_SERVICES.flatMap((s) => state[s].entries).sort(byTime);
  if (!open.length) return { entries: all, more: false };
  if (open.some((source) => !oldest(source))) return { entries: [], more: true };
  const cutoff = Math.max(...open.map((source) => time(oldest(source)!)));
  return { entries: all.filter((e) => time(e.at) >= cutoff), more: true };
}

/** The services whose next page the merged list waits for: those with pages left whose oldest entry is the newest such. */
export function servicesToFetch(state: MergeState): AuditService[] {
  const open = AUDIT_SERVICES.filter((s) => hasMore(state[s]));
  const empty = open.filter((s) => !oldest(state[s]));
  if (empty.length) return empty;
  const cutoff = Math.max(...open.map((s) => time(oldest(state[s])!)));
  return open.filter((s) => time(oldest(state[s])!) === cutoff);
}

/** Who acted, as the trail names them: the username when known, else the token's subject; with role and scope. */
export function actorName(actor: AuditEntry['actor']): string {
  const who = actor.username ?? actor.id;
  return actor.scope ? `${who} (${actor.role}, ${actor.scope})` : `${who} (${actor.role})`;
}

/** The change in one line: `field: before → after`, or the new record's fields. */
export function changeSummary(entry: Pick<AuditEntry, 'before' | 'after'>, maxLength = 160): string {
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  const after = entry.after ?? {};
  const before = entry.before ?? {};
  const parts = Object.keys(after).map((key) =>
    key in before ? `${key}: ${show(before[key])} → ${show(after[key])}` : `${key}: ${show(after[key])}`,
  );
  const text = parts.join('; ');
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

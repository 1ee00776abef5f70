/**
 * The text search of `GET /audit-entries?q=`: one document per entry (its action, entity, subject, actor and the
 * before and after details), as Postgres full-text search reads it. The same SQL builds the index
 * (audit-search.migration.ts) and the query, so the index serves the query.
 */

/** Separators the text-search parser would keep inside one token (`catalog.product.updated` is one "host"): spaced out, so each part is a word. */
const SPACED = `translate(%s, '.-_/@:', '      ')`;
const spaced = (text: string) => SPACED.replace('%s', text);

/** At most this much text of one entry is searched (tsvector's size is bounded; a huge before/after must not fail the write). */
const MAX_SEARCHED_CHARS = 100_000;

/** An entry's words, lower-cased, unstemmed ('simple'), so codes and names match as written. */
export const AUDIT_SEARCH_DOCUMENT = `to_tsvector('simple'::regconfig, ${spaced(
  `left(action || ' ' || entity || ' ' || entity_id || ' ' || actor_id || ' ' || coalesce(actor_username, '') || ' ' || coalesce(before::text, '') || ' ' || coalesce(after::text, ''), ${MAX_SEARCHED_CHARS})`,
)})`;

/**
 * The search for what a person typed (the parameter `placeholder`): every word of it, each as the start of a
 * word of the entry (`kerip` finds "Keripik"), split exactly as the document is.
 */
export const auditSearchQuery = (placeholder: string) =>
  `(SELECT to_tsquery('simple'::regconfig, string_agg(quote_literal(word) || ':*', ' & '))
      FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig, ${spaced(`${placeholder}::text`)}))) AS word)`;

/** A page boundary of the search, newest first: the position of the last entry shown; the next page starts below it. */
export const AUDIT_CURSOR_PATTERN = /^[1-9][0-9]{0,17}$/;

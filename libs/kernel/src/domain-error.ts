/**
 * An error a caller can act on: a stable code, a message, and the details (field, rule, figures).
 * Plain TypeScript so domain code can throw it without a framework.
 */
export type ErrorKind =
  | 'validation'
  | 'rule'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'too_large'
  // a body whose type (read from its bytes, not only its header) is not one the endpoint takes
  | 'unsupported_media_type'
  | 'rate_limited'
  // a dependency the request needs (another service, the identity provider) cannot answer, or is not set up
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string) =>
  new DomainError('not_found', `${what.toUpperCase()}_NOT_FOUND`, `${what} ${id} does not exist`, { id });

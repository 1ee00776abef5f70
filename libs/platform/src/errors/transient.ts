/**
 * True for faults that go away by themselves (a dropped or refused connection, a deadlock, a
 * serialization conflict, a server shutting down): the operation may be retried unchanged.
 */
export function isTransientError(error: unknown): boolean {
  const e = error as { code?: string; message?: string; driverError?: unknown } | undefined;
  if (!e) return false;
  if (e.driverError && e.driverError !== error && isTransientError(e.driverError)) return true;
  const code = e.code ?? '';
  // SQLSTATE classes: 08 connection, 40001 serialization, 40P01 deadlock, 53 resources, 57P0x shutdown
  if (/^(08|53|57P0)/.test(code) || code === '40001' || code === '40P01') return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(code)) return true;
  // TypeORM releases a transaction's connection once the server drops it; what the transaction did was rolled back
  const name = (e as { name?: string }).name;
  if (name === 'QueryRunnerProviderAlreadyReleasedError' || name === 'QueryRunnerAlreadyReleasedError') return true;
  const message = e.message ?? '';
  // a pg client the server closed under a query is "closed and is not queryable" to the next one
  return /Connection terminated|connection timeout|Client has encountered a connection error|Client was closed and is not queryable|terminating connection|Connection is not established/i.test(
    message,
  );
}

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
  if ((e as { name?: string }).name === 'QueryRunnerProviderAlreadyReleasedError') return true;
  const message = e.message ?? '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|terminating connection|Connection is not established/i.test(
    message,
  );
}

/** How long each check may take before it counts as failed. */
export const CHECK_TIMEOUT_MS = 2000;

/** A check that did not answer in time. */
export class CheckTimeout extends Error {
  constructor(what: string) {
    super(`${what} did not answer in ${CHECK_TIMEOUT_MS} ms`);
    this.name = 'CheckTimeout';
  }
}

export function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new CheckTimeout(what)), CHECK_TIMEOUT_MS)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
const SYSTEM_CODE = /^E[A-Z]{2,}$/;
const KAFKA_TYPE = /^[A-Z][A-Z_]+$/;
const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/**
 * What a failed check shows: a stable code, never the error's text (which can name hosts, roles, databases
 * and topics). The text goes to the log only. Timeouts are TIMEOUT; socket errors their system code
 * (ECONNREFUSED); Postgres errors SQLSTATE_<code>; Kafka protocol errors KAFKA_<type>, other kafkajs errors
 * their cause's code or KAFKA_<class>; anything else UNEXPECTED.
 */
export function healthErrorCode(error: unknown): string {
  const e = (error ?? {}) as { name?: unknown; code?: unknown; type?: unknown; severity?: unknown; cause?: unknown };
  if (error instanceof CheckTimeout) return 'TIMEOUT';
  if (typeof e.code === 'string' && typeof e.severity === 'string' && SQLSTATE.test(e.code)) return `SQLSTATE_${e.code}`;
  if (typeof e.code === 'string' && SYSTEM_CODE.test(e.code)) return e.code;
  if (typeof e.type === 'string' && KAFKA_TYPE.test(e.type)) return `KAFKA_${e.type}`;
  const cause = e.cause === undefined ? 'UNEXPECTED' : healthErrorCode(e.cause);
  if (cause !== 'UNEXPECTED') return cause;
  if (typeof e.name === 'string' && e.name.startsWith('KafkaJS')) return `KAFKA_${snake(e.name.slice('KafkaJS'.length))}`;
  return 'UNEXPECTED';
}

/**
 * The last answer of a check, reused for `ttlMs`; callers that arrive while the check runs share that run.
 * A flood of calls therefore costs one check per `ttlMs`, whatever its size. `check` must not reject.
 */
export class CachedCheck<T> {
  private last?: { value: T; at: number };
  private running?: Promise<T>;

  constructor(
    private readonly check: () => Promise<T>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<T> {
    if (this.last && this.now() - this.last.at < this.ttlMs) return Promise.resolve(this.last.value);
    this.running ??= this.check()
      .then((value) => {
        this.last = { value, at: this.now() };
        return value;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }
}

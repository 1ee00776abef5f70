// Framework-free building blocks that domain code may import: no Nest, no TypeORM, no SQL, no Kafka.
export * from './domain-error';
export * from './indonesian-format';
export * from './ids';
export * from './local-calendar';
export * from './money';
export * from './rules';

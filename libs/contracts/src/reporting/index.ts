export * from './statement.v1';

// The replica of catalog's Kanwil and UPT master data that consignment and reporting keep for scope checks.
export * from './directory-tables.migration';
export * from './domain/replica';
export * from './directory.store';
export * from './directory.listener';
export * from './directory.module';

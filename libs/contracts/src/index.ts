import 'reflect-metadata'; // class-transformer's @Type reads design metadata
export * from './actor';
export * from './topics';
export * from './envelope';
export * from './event-definition';
export * from './build-event';
export * from './event-registry';
export * from './parse-event';
export * from './event-schemas';
export * from './event-reader';
export * from './catalog';
export * from './consignment';
export * from './reporting';

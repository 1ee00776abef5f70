export * from './kanwil-registered.v1';
export * from './upt-registered.v1';
export * from './product-fields';
export * from './product-approved.v1';
export * from './product-events.v1';
export * from './person-changed.v1';

export * from './kanwil-registered.v1';
export * from './upt-registered.v1';

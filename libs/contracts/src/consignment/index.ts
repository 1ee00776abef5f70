export * from './consignment-fields';
export * from './period-format';
export * from './venue-agreement.v1';
export * from './stock-movements.v1';
export * from './after-sale.v1';
export * from './exhibition.v1';

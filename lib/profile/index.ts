export * from './schema';
export * from './validators';
export * from './draft-check';

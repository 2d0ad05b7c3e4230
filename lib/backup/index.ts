export * from './format';
export * from './import';

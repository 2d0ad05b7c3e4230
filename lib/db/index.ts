export * from './database';
export * from './repository';
export { DB_VERSION } from './versions';
export { createMessageHandlers } from './message-handlers';

import 'reflect-metadata';

export * from './config.js';
export * from './logger.js';
export * from './request-context.js';
export * from './health.js';
export * from './database.js';
export * from './redis.js';
export * from './subscription-topics.js';
export * from './federation.js';
export * from './graphql-server.js';
export * from './run-service.js';
export * from './system-status.js';
export * from './auth/index.js';
export * from './search/knowledge-index.js';
export * from './health-server.js';
export * from './validation.js';
export * from './replayable-topics.js';
export * from './knowledge-version.js';

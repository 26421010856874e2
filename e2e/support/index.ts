export * from './stack-env.js';
export * from './service-process.js';
export * from './graphql-client.js';
export * from './redis-channels.js';
export * from './auth.js';
export * from './database.js';
export * from './crawl.js';

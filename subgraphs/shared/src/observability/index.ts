export * from './metrics.js';
export * from './graphql-metrics.js';
export * from './opensearch-metrics.js';
export * from './tracing.js';

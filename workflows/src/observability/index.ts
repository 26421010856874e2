export * from './worker-observability.js';
export * from './client-interceptors.js';

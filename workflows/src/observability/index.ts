export * from './worker-observability.js';

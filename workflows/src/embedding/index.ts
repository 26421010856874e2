export * from './embedding-contract.js';
export * from './config.js';
export * from './device.js';
export * from './errors.js';
export * from './embedder.js';
export * from './activities.js';

export * from '@scs/contracts/embedding';
export * from './config.js';
export * from './device.js';
export * from './errors.js';
export * from './embedder.js';
export * from './activities.js';

export * from './ids.js';
export * from './close-codes.js';
export * from './client-frames.js';
export * from './server-frames.js';
export * from './parse-format.js';

export * from './reference.js';
export * from './unemployment-funds.js';

export * from './rules.js';
export * from './pricing.js';
export * from './places.js';
export * from './readability.js';
export * from './schemas/index.js';
export * from './draw.js';
export * from './workdays.js';
export * from './plural.js';

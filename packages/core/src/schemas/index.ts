/**
 * The API contract, shared by the API (validation and the OpenAPI document), the console and,
 * as types only, the widget. Field names follow DESIGN.md: clubs and scripts depend on them.
 */
export * from './common.js';
export * from './organisations.js';
export * from './activities.js';
export * from './registrations.js';
export * from './payments.js';
export * from './uitpas.js';

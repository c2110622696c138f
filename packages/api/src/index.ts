export { createApp, createApi, API_BASE } from './app.js';
export { openDatabase, type Database, type Db } from './db/client.js';
export type { Clock, Deps } from './context.js';
export { ensureBootstrapToken, ensureCity } from './services/auth.js';
export { seedDemo } from './demo.js';
export { organisationActivitiesBySlug } from './services/activities.js';

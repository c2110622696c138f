/** The admin API at /api/v1/admin: every route needs a signed-in actor (see app.ts). */
import type { Deps } from '../../context.js';
import { router } from '../openapi.js';
import { activityRoutes } from './activities.js';
import { charterRoutes } from './charter.js';
import { organisationRoutes } from './organisations.js';

export function adminRoutes(deps: Deps) {
  const app = router();
  app.route('/', organisationRoutes(deps));
  app.route('/', activityRoutes(deps));
  app.route('/', charterRoutes(deps));
  return app;
}

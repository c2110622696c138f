/** The admin API at /api/v1/admin: every route needs a signed-in actor (see app.ts). */
import type { Deps } from '../../context.js';
import { router } from '../openapi.js';
import { accountRoutes } from './accounts.js';
import { activityRoutes } from './activities.js';
import { allocationAdminRoutes } from './allocation.js';
import { bulkCancelRoutes } from './bulk-cancel.js';
import { charterRoutes } from './charter.js';
import { messageRoutes } from './messages.js';
import { organisationRoutes } from './organisations.js';
import { paymentRoutes } from './payments.js';
import { uitpasSalesRoutes } from './uitpas-sales.js';
import { tokenRoutes } from './tokens.js';

export function adminRoutes(deps: Deps) {
  const app = router();
  app.route('/', accountRoutes(deps)); // first: an intermediary's registrations list answers before the staff list
  app.route('/', organisationRoutes(deps));
  app.route('/', activityRoutes(deps));
  app.route('/', charterRoutes(deps));
  app.route('/', allocationAdminRoutes(deps));
  app.route('/', bulkCancelRoutes(deps));
  app.route('/', messageRoutes(deps));
  app.route('/', paymentRoutes(deps));
  app.route('/', uitpasSalesRoutes(deps));
  app.route('/', tokenRoutes(deps));
  return app;
}

/**
 * The whole product in one Hono app: the API at /api/v1, the widget bundle at /widget/, the
 * family's private page at /r/{token}, and the demo club site at /.
 */
import { fileURLToPath } from 'node:url';
import { createApp, organisationActivitiesBySlug, type Deps } from '@instap/api';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { demoSite } from './pages/demo-site.js';
import { familyPage } from './pages/family-page.js';
import { serveFile } from './static.js';

export const WIDGET_DIST = fileURLToPath(new URL('../../../packages/widget/dist', import.meta.url));

export interface ServerOptions extends Deps {
  widgetDir?: string;
  /** The organisation whose activities the demo club site shows. */
  demoOrganisation?: string;
}

export function createServer(options: ServerOptions) {
  const app = new Hono();
  const widgetDir = options.widgetDir ?? WIDGET_DIST;
  app.use('*', secureHeaders({ crossOriginResourcePolicy: false, crossOriginOpenerPolicy: false, xFrameOptions: false }));
  app.route('/', createApp(options));
  app.get('/widget/:file{.+}', (c) => serveFile(c, widgetDir, c.req.param('file')));
  app.get('/r/:token', (c) => c.html(familyPage(c.req.param('token'))));
  app.get('/', async (c) => {
    const activities = await organisationActivitiesBySlug(options.db, options.demoOrganisation ?? 'demo', options.clock());
    return c.html(demoSite(activities));
  });
  return app;
}

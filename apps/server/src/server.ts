/**
 * The whole product in one Hono app: the API at /api/v1, the widget bundle at /widget/, the
 * console at /admin/, the
 * family's private page at /r/{token}, an activity page at /a/{id}, the public draw at /loting/{id},
 * and the demo club site at /.
 */
import { fileURLToPath } from 'node:url';
import { createApp, loadActivity, mailboxPage, organisationActivitiesBySlug, publicDraw, readPublicActivity, type Deps } from '@instap/api';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { demoSite } from './pages/demo-site.js';
import { drawPage } from './pages/draw-page.js';
import { familyPage, notFoundPage } from './pages/family-page.js';
import { serveFile } from './static.js';

export const WIDGET_DIST = fileURLToPath(new URL('../../../packages/widget/dist', import.meta.url));
export const ADMIN_DIST = fileURLToPath(new URL('../../admin/dist', import.meta.url));

export interface ServerOptions extends Deps {
  widgetDir?: string;
  adminDir?: string;
  /** The organisation whose activities the demo club site shows. */
  demoOrganisation?: string;
  /**
   * Without a mail server, show every outgoing message at /admin/mailbox, so a new user sees
   * what families would receive. Only for a demo: the page shows contact details unguarded.
   */
  devMailbox?: boolean;
}

export function createServer(options: ServerOptions) {
  const app = new Hono();
  const widgetDir = options.widgetDir ?? WIDGET_DIST;
  app.use('*', secureHeaders({ crossOriginResourcePolicy: false, crossOriginOpenerPolicy: false, xFrameOptions: false }));
  app.route('/', createApp(options));
  app.get('/widget/:file{.+}', (c) => serveFile(c, widgetDir, c.req.param('file')));
  if (options.devMailbox) app.get('/admin/mailbox', mailboxPage({ db: options.db, secretKey: options.secretKey }));
  // The console: a single-page app; every path under /admin/ that is not a file gets index.html.
  app.get('/admin', (c) => c.redirect('/admin/'));
  app.get('/admin/*', (c) => serveFile(c, options.adminDir ?? ADMIN_DIST, c.req.path.slice('/admin/'.length) || 'index.html', { fallback: 'index.html' }));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/r/:token', (c) => c.html(familyPage({ token: c.req.param('token') })));
  // A neutral page for one activity: where referral links and "it is open again" messages point.
  app.get('/a/:id', async (c) => {
    const activity = await readPublicActivity(options.db, c.req.param('id'), options.clock()).catch(() => null);
    if (!activity) return c.html(notFoundPage(), 404);
    const referral = c.req.query('referral');
    return c.html(familyPage({ activity: activity.id, title: activity.title, referral: referral && /^[A-Za-z0-9-]{1,40}$/.test(referral) ? referral : undefined }));
  });
  app.get('/loting/:id', async (c) => {
    const rec = await loadActivity(options.db, c.req.param('id')).catch(() => null);
    if (!rec || rec.activity.withdrawnAt || rec.activity.mode !== 'lottery') return c.html(notFoundPage(), 404);
    return c.html(drawPage(publicDraw(rec), options.publicOrigin));
  });
  app.get('/', async (c) => {
    const activities = await organisationActivitiesBySlug(options.db, options.demoOrganisation ?? 'demo', options.clock());
    const referral = c.req.query('referral');
    return c.html(demoSite(activities, referral && /^[A-Za-z0-9-]{1,40}$/.test(referral) ? referral : undefined));
  });
  return app;
}

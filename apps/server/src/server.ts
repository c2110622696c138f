/**
 * The whole product in one Hono app: the API at /api/v1, the widget bundle at /widget/, the
 * console at /admin/, the
 * family's private page at /r/{token}, an activity page at /a/{id}, the public draw at /loting/{id},
 * and the demo club site at /.
 */
import { fileURLToPath } from 'node:url';
import { createApp, isDatabaseUnavailable, loadActivity, logLine, mailboxPage, organisationActivitiesBySlug, publicDraw, readPublicActivity, toErrorResponse, type Deps } from '@instap/api';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { demoSite } from './pages/demo-site.js';
import { drawPage } from './pages/draw-page.js';
import { familyPage, notFoundPage, problemPage } from './pages/family-page.js';
import { contentSecurityPolicy } from './headers.js';
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

/** An unknown id is a "not found" page; a lost database is not (it goes to onError: 503). */
const notFoundOnly = (err: unknown) => {
  if (isDatabaseUnavailable(err)) throw err;
  return null;
};

export function createServer(options: ServerOptions) {
  const app = new Hono();
  const widgetDir = options.widgetDir ?? WIDGET_DIST;
  // The widget bundle is loaded by other sites (no CORP); pages are never framed (CSP frame-ancestors, and X-Frame-Options for old browsers).
  app.use('*', secureHeaders({ crossOriginResourcePolicy: false, crossOriginOpenerPolicy: false, xFrameOptions: 'DENY', contentSecurityPolicy: undefined }));
  app.use('*', contentSecurityPolicy(options.publicOrigin));
  // A broken database or a bug: a plain page (or the API's JSON), never a stack.
  app.onError((err, c) => {
    const unavailable = isDatabaseUnavailable(err);
    if (!unavailable) console.error(logLine(err));
    c.header('Cache-Control', 'no-store');
    if (c.req.path.startsWith('/api/')) return toErrorResponse(err, c);
    if (unavailable) c.header('Retry-After', '30');
    return c.html(problemPage(unavailable), unavailable ? 503 : 500);
  });
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
    const activity = await readPublicActivity(options.db, c.req.param('id'), options.clock()).catch(notFoundOnly);
    if (!activity) return c.html(notFoundPage(), 404);
    const referral = c.req.query('referral');
    return c.html(familyPage({ activity: activity.id, title: activity.title, referral: referral && /^[A-Za-z0-9-]{1,40}$/.test(referral) ? referral : undefined }));
  });
  app.get('/loting/:id', async (c) => {
    const rec = await loadActivity(options.db, c.req.param('id')).catch(notFoundOnly);
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

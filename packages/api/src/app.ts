/**
 * The Instap API as a Hono app: `/api/v1` (public, for the widget) and `/api/v1/admin`.
 * No server here: the runnable mounts it, and tests call `app.request()` directly.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv, Deps } from './context.js';
import { ApiError, errorBody, toErrorResponse } from './errors.js';
import { adminRoutes } from './routes/admin/index.js';
import { allocationRoutes } from './routes/allocation.js';
import { appointmentRoutes } from './routes/appointments.js';
import { bankStatementRoutes, isStatementUpload, statementBodyLimit } from './routes/bank-statements.js';
import { organisationCors } from './routes/cors.js';
import { onlinePaymentRoutes } from './routes/payments-online.js';
import { paymentQrRoutes } from './routes/payment-qr.js';
import { docsPage } from './routes/docs.js';
import { publicRoutes } from './routes/public.js';
import { sessionRoutes } from './routes/session.js';
import { textGuard } from './routes/text-guard.js';
import { authenticate } from './services/authenticate.js';

export const API_BASE = '/api/v1';
export const MAX_BODY_BYTES = 64 * 1024;
const PRIVATE_PATHS = /^\/api\/v1\/(admin|registrations|offers|session)(\/|$)/;

export function createApi(deps: Deps) {
  const api = new OpenAPIHono<AppEnv>();
  api.onError(toErrorResponse);
  api.notFound((c) => c.json(errorBody(new ApiError(404, 'route_not_found', 'There is no such address in the Instap API.')), 404));

  // An error answered before the body was read (413, 401, 429 …) leaves unread bytes on a
  // keep-alive socket: closing it tells the client to open a fresh one for the next request,
  // instead of failing on a dropped socket.
  api.use('*', async (c, next) => {
    await next();
    const hasBody = c.req.raw.body !== null || Number(c.req.header('content-length') ?? 0) > 0;
    if (c.res.status >= 400 && hasBody) c.header('Connection', 'close');
  });

  // What names a family or a person is never kept by a browser or a proxy: the family's own view
  // and offers (a shared library PC), the session, and every admin answer (lists, CSV).
  api.use('*', async (c, next) => {
    await next();
    if (PRIVATE_PATHS.test(c.req.path)) c.header('Cache-Control', 'no-store');
  });

  const defaultLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json(errorBody(new ApiError(413, 'body_too_large', 'The request is too large (at most 64 KB).')), 413),
  });
  // A bank statement may be up to 2 MB: that one route has a limit of its own, in place of this one.
  api.use('*', (c, next) => (isStatementUpload(c.req.method, c.req.path) ? statementBodyLimit(c, next) : defaultLimit(c, next)));

  // After the size limit, before everything else: no control character reaches a route.
  api.use('*', textGuard);

  api.use('/admin/*', async (c, next) => {
    const actor = await authenticate(deps, c);
    if (!actor) throw new ApiError(401, 'unauthorized', 'Sign in, or send a valid API token (Authorization: Bearer …).');
    c.set('actor', actor);
    await next();
  });
  api.use('*', async (c, next) => {
    if (c.req.path.startsWith(`${API_BASE}/admin`)) return next();
    return organisationCors(deps, API_BASE)(c, next);
  });

  api.route('/', publicRoutes(deps));
  api.route('/', allocationRoutes(deps));
  api.route('/', appointmentRoutes(deps));
  api.route('/', sessionRoutes(deps));
  api.route('/', onlinePaymentRoutes(deps));
  api.route('/', paymentQrRoutes(deps));
  api.route('/admin', adminRoutes(deps));
  api.route('/admin', bankStatementRoutes(deps));

  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Instap API',
      version: '1.0.0',
      description: 'Low-threshold registration for leisure activities. Errors: `{ error: { code, message, issues } }`.',
      license: { name: 'EUPL-1.2' },
    },
    servers: [{ url: API_BASE }],
  });
  api.get('/docs', (c) => c.html(docsPage(api.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Instap API', version: '1.0.0' } }) as never)));
  return api;
}

/** The API mounted at /api/v1, ready to be served or to receive `app.request()` in tests. */
export function createApp(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  app.onError(toErrorResponse);
  app.route(API_BASE, createApi(deps));
  return app;
}

/**
 * API tokens: listed and revoked by the admins who hand them out. An organisation admin sees its
 * organisation's tokens; a city admin sees every token of the city, the bootstrap token too.
 * The secret itself is shown once, when the token is made (organisations.ts), never again.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../context.js';
import { ApiError } from '../../errors.js';
import { isUuid } from '../../services/activities.js';
import { assertCityAdmin, listTokens, revokeToken } from '../../services/auth.js';
import { errors, json, router } from '../openapi.js';
import { access, auth, authErrors, slugParam } from './shared.js';

const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(['city-admin', 'organisation-admin']),
  organisation: z.string().nullable(),
  bootstrap: z.boolean().openapi({ description: 'Made from INSTAP_BOOTSTRAP_TOKEN; it goes when that variable goes.' }),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  active: z.boolean().openapi({ description: 'false when its maker was disabled or is no longer an admin: the token no longer works.' }),
});
const listSchema = z.object({ apiTokens: z.array(tokenSchema) });
const tokenParam = z.object({
  slug: z.string().openapi({ param: { name: 'slug', in: 'path' } }),
  id: z.string().openapi({ param: { name: 'id', in: 'path' } }),
});
const idOnly = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
const gone = () => new ApiError(404, 'api_token_not_found', 'There is no such API token here (or it was already revoked).');

export function tokenRoutes(deps: Deps) {
  const app = router();
  const { db, clock } = deps;
  const can = access(deps);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{slug}/api-tokens',
      tags: ['admin'],
      summary: "An organisation's API tokens (never the secret)",
      ...auth,
      request: { params: slugParam },
      responses: { 200: json(listSchema, 'The live tokens, newest first.'), ...authErrors, 404: errors[404] },
    }),
    async (c) => {
      const org = await can.organisation(c.get('actor'), c.req.valid('param').slug);
      c.header('Cache-Control', 'no-store');
      return c.json({ apiTokens: await listTokens(db, { cityId: org.cityId, organisationId: org.id }) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/organisations/{slug}/api-tokens/{id}',
      tags: ['admin'],
      summary: 'Revoke an API token of the organisation: it stops working at once',
      ...auth,
      request: { params: tokenParam },
      responses: { 204: { description: 'Revoked.' }, ...authErrors, 404: errors[404] },
    }),
    async (c) => {
      const { slug, id } = c.req.valid('param');
      const org = await can.organisation(c.get('actor'), slug);
      if (!isUuid(id) || !(await revokeToken(db, id, { cityId: org.cityId, organisationId: org.id }, clock()))) throw gone();
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api-tokens',
      tags: ['admin'],
      summary: 'Every API token of the city, the bootstrap token included (city admin)',
      ...auth,
      responses: { 200: json(listSchema, 'The live tokens, newest first.'), ...authErrors },
    }),
    async (c) => {
      const actor = c.get('actor');
      assertCityAdmin(actor);
      c.header('Cache-Control', 'no-store');
      return c.json({ apiTokens: await listTokens(db, { cityId: actor.cityId }) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api-tokens/{id}',
      tags: ['admin'],
      summary: 'Revoke any API token of the city (city admin)',
      ...auth,
      request: { params: idOnly },
      responses: { 204: { description: 'Revoked.' }, ...authErrors, 404: errors[404] },
    }),
    async (c) => {
      const actor = c.get('actor');
      assertCityAdmin(actor);
      const { id } = c.req.valid('param');
      if (!isUuid(id) || !(await revokeToken(db, id, { cityId: actor.cityId }, clock()))) throw gone();
      return c.body(null, 204);
    },
  );

  return app;
}

/** The city's tariff charter, and staff's kanspas checks on registrations. */
import { createRoute, z } from '@hono/zod-openapi';
import { kanspasCheckInputSchema, priceBreakdownSchema, tariffCharterSchema } from '@instap/core';
import type { Deps } from '../../context.js';
import { assertCanManage, assertCityAdmin } from '../../services/auth.js';
import { readCharter, setKanspasCheck } from '../../services/charter.js';
import { writeCharter } from '../../services/charter.js';
import { body, errors, json, originOf, router } from '../openapi.js';
import { auth, authErrors, idParam } from './shared.js';

const charterView = tariffCharterSchema.extend({ city: z.string(), name: z.string(), updatedAt: z.string() });

export function charterRoutes(deps: Deps) {
  const app = router();
  const { db, clock } = deps;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/charter',
      tags: ['admin'],
      summary: "The city's tariff charter (applies to every organisation of the city)",
      ...auth,
      responses: { 200: json(charterView, 'The charter.'), ...authErrors },
    }),
    async (c) => c.json(await readCharter(db, c.get('actor').cityId), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/charter',
      tags: ['admin'],
      summary: 'Change the tariff charter (city admin)',
      ...auth,
      request: { body: body(tariffCharterSchema) },
      responses: { 200: json(charterView, 'The new charter.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const actor = c.get('actor');
      assertCityAdmin(actor);
      return c.json(await writeCharter(db, actor.cityId, c.req.valid('json'), clock()), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/registrations/{id}/kanspas-check',
      tags: ['admin'],
      summary: "Record the check of a family's kanspas (claimed, verified, not-valid)",
      ...auth,
      request: { params: idParam, body: body(kanspasCheckInputSchema) },
      responses: {
        200: json(z.object({ id: z.string(), kanspasCheck: z.string(), priceCents: z.number().int(), price: priceBreakdownSchema }), 'The registration with its price from now on.'),
        ...authErrors,
        ...errors,
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      const row = await setKanspasCheck(db, c.req.valid('param').id, c.req.valid('json').status, clock(), (rec) => assertCanManage(actor, rec.organisation), { publicOrigin: originOf(deps, c.req.url) });
      return c.json({ id: row.id, kanspasCheck: row.kanspasCheck, priceCents: row.priceCents, price: row.price }, 200);
    },
  );

  return app;
}

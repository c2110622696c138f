/** Staff side of fair allocation: run the draw now, see the interest list. */
import { createRoute, z } from '@hono/zod-openapi';
import { publishedDrawSchema } from '@instap/core';
import type { Deps } from '../../context.js';
import { loadActivity } from '../../services/activities.js';
import { publicDraw, runDraw } from '../../services/draw.js';
import { interestList } from '../../services/interest.js';
import { errors, json, originOf, router } from '../openapi.js';
import { access, auth, authErrors, idParam } from './shared.js';

export function allocationAdminRoutes(deps: Deps) {
  const app = router();
  const { db, clock } = deps;
  const can = access(deps);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/activities/{id}/draw',
      tags: ['admin'],
      summary: 'Run the draw now (after the window closed; only once)',
      ...auth,
      request: { params: idParam },
      responses: { 200: json(publishedDrawSchema, 'The result.'), ...authErrors, 404: errors[404], 409: errors[409] },
    }),
    async (c) => {
      const rec = await can.activity(c.get('actor'), c.req.valid('param').id);
      await runDraw(db, rec.activity.id, clock(), { early: true, publicOrigin: originOf(deps, c.req.url), secretKey: deps.secretKey });
      return c.json(publicDraw(await loadActivity(db, rec.activity.id)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/activities/{id}/interest',
      tags: ['admin'],
      summary: 'Families who asked to hear when they can register',
      ...auth,
      request: { params: idParam },
      responses: {
        200: json(
          z.object({
            interest: z.array(
              z.object({ id: z.string(), name: z.string(), phone: z.string().nullable(), email: z.string().nullable(), language: z.string(), createdAt: z.string(), notifiedAt: z.string().nullable() }),
            ),
          }),
          'Oldest first.',
        ),
        ...authErrors,
        404: errors[404],
      },
    }),
    async (c) => {
      const rec = await can.activity(c.get('actor'), c.req.valid('param').id);
      const rows = await interestList(db, rec.activity.id);
      return c.json(
        {
          interest: rows.map((r) => ({ id: r.id, name: r.name, phone: r.phone, email: r.email, language: r.language, createdAt: r.createdAt.toISOString(), notifiedAt: r.notifiedAt?.toISOString() ?? null })),
        },
        200,
      );
    },
  );

  return app;
}

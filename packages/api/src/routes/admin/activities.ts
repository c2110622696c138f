/** One activity as staff see it: read, change, withdraw, and its list of registrations. */
import { createRoute, z } from '@hono/zod-openapi';
import { activityPatchSchema, adminActivitySchema, adminRegistrationSchema } from '@instap/core';
import { eq, sql } from 'drizzle-orm';
import type { Deps } from '../../context.js';
import { registrations } from '../../db/schema.js';
import { loadActivity, occupancy, patchActivity, toPublicActivity, withdrawActivity, type ActivityRecord } from '../../services/activities.js';
import { body, errors, json, originOf, router, sentOnly } from '../openapi.js';
import { refillFromWaitlist } from '../../services/waitlist.js';
import { access, auth, authErrors, idParam, registrationList } from './shared.js';

export async function adminActivityView(deps: Deps, rec: ActivityRecord) {
  const taken = await occupancy(deps.db, rec.activity.id);
  const counts = await deps.db
    .select({ status: registrations.status, n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(eq(registrations.activityId, rec.activity.id))
    .groupBy(registrations.status);
  const count = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
  return {
    ...toPublicActivity(rec, taken, deps.clock()),
    translations: rec.activity.translations,
    priceCents: rec.activity.priceCents,
    kanspasCents: rec.activity.kanspasCents,
    offerHours: rec.activity.offerHours,
    withdrawn: rec.activity.withdrawnAt !== null,
    counts: { confirmed: count('confirmed'), waitlisted: count('waitlisted'), lottery: count('lottery'), offered: count('offered') },
  };
}

export function activityRoutes(deps: Deps) {
  const app = router();
  const { db, clock } = deps;
  const can = access(deps);
  const adminView = (rec: ActivityRecord) => adminActivityView(deps, rec);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/activities/{id}',
      tags: ['admin'],
      summary: 'An activity with its counts',
      ...auth,
      request: { params: idParam },
      responses: { 200: json(adminActivitySchema, 'The activity.'), ...authErrors, 404: errors[404] },
    }),
    async (c) => c.json(await adminView(await can.activity(c.get('actor'), c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/activities/{id}',
      tags: ['admin'],
      summary: 'Change an activity (the result is checked as a whole)',
      ...auth,
      request: { params: idParam, body: body(activityPatchSchema) },
      responses: { 200: json(adminActivitySchema, 'The changed activity.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await can.activity(c.get('actor'), id);
      await patchActivity(db, id, await sentOnly(c, c.req.valid('json'), ['registration']), clock());
      // More capacity or released reserved places: the waiting list hears first.
      await refillFromWaitlist(db, id, clock(), { publicOrigin: originOf(deps, c.req.url) });
      return c.json(await adminView(await loadActivity(db, id)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/activities/{id}',
      tags: ['admin'],
      summary: 'Withdraw an activity (registrations are kept)',
      ...auth,
      request: { params: idParam },
      responses: { 200: json(adminActivitySchema, 'The withdrawn activity.'), ...authErrors, 404: errors[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await can.activity(c.get('actor'), id);
      await withdrawActivity(db, id, clock());
      return c.json(await adminView(await loadActivity(db, id)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/activities/{id}/registrations',
      tags: ['admin'],
      summary: 'The registrations, as JSON or as CSV (Accept: text/csv)',
      ...auth,
      request: { params: idParam },
      responses: {
        200: {
          content: {
            'application/json': { schema: z.object({ registrations: z.array(adminRegistrationSchema) }) },
            'text/csv': { schema: z.string() },
          },
          description: 'Every registration in order of arrival.',
        },
        ...authErrors,
        404: errors[404],
      },
    }),
    async (c) => {
      const rec = await can.activity(c.get('actor'), c.req.valid('param').id);
      return registrationList(c, db, rec.activity.id) as never;
    },
  );

  return app;
}

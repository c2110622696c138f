/** The admin API: organisations, activities, registration lists, the tariff charter. */
import { createRoute, z } from '@hono/zod-openapi';
import {
  activityInputSchema,
  activityPatchSchema,
  adminActivitySchema,
  adminRegistrationSchema,
  organisationInputSchema,
  organisationSchema,
  publicActivitySchema,
} from '@instap/core';
import { eq, sql } from 'drizzle-orm';
import { stream } from 'hono/streaming';
import type { Deps } from '../context.js';
import { cities, organisations, registrations } from '../db/schema.js';
import { ApiError, notFound } from '../errors.js';
import {
  createActivity,
  loadActivity,
  occupancy,
  organisationActivities,
  patchActivity,
  toPublicActivity,
  withdrawActivity,
  type ActivityRecord,
} from '../services/activities.js';
import { CSV_HEADER, csvLine, staffRegistrations } from '../services/admin-registrations.js';
import { assertCanManage, assertCityAdmin, ensureCity } from '../services/auth.js';
import { csvRow } from '../services/csv.js';
import { body, errors, json, router } from './openapi.js';

const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
const slugParam = z.object({ slug: z.string().openapi({ param: { name: 'slug', in: 'path' } }) });
const auth = { security: [{ bearer: [] }] };
const authErrors = {
  401: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'No valid session or token.'),
  403: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Not allowed for your role.'),
};

export function adminRoutes(deps: Deps) {
  const app = router();
  const { db, clock } = deps;

  async function organisationBySlug(slug: string) {
    const [org] = await db.select().from(organisations).where(eq(organisations.slug, slug));
    if (!org) throw notFound('organisation');
    return org;
  }

  async function managedActivity(actor: Parameters<typeof assertCanManage>[0], id: string): Promise<ActivityRecord> {
    const rec = await loadActivity(db, id);
    assertCanManage(actor, rec.organisation);
    return rec;
  }

  async function adminView(rec: ActivityRecord) {
    const now = clock();
    const taken = await occupancy(db, rec.activity.id);
    const counts = await db
      .select({ status: registrations.status, n: sql<number>`count(*)::int` })
      .from(registrations)
      .where(eq(registrations.activityId, rec.activity.id))
      .groupBy(registrations.status);
    const count = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
    return {
      ...toPublicActivity(rec, taken, now),
      priceCents: rec.activity.priceCents,
      kanspasCents: rec.activity.kanspasCents,
      offerHours: rec.activity.offerHours,
      withdrawn: rec.activity.withdrawnAt !== null,
      counts: { confirmed: count('confirmed'), waitlisted: count('waitlisted'), lottery: count('lottery'), offered: count('offered') },
    };
  }

  app.openapi(
    createRoute({
      method: 'post',
      path: '/organisations',
      tags: ['admin'],
      summary: 'Create an organisation (city admin)',
      ...auth,
      request: { body: body(organisationInputSchema) },
      responses: { 201: json(organisationSchema, 'Created.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const actor = c.get('actor');
      assertCityAdmin(actor);
      const input = c.req.valid('json');
      const city = input.city ? await ensureCity(db, input.city, input.city) : (await db.select().from(cities).where(eq(cities.id, actor.cityId)))[0]!;
      if (city.id !== actor.cityId) throw new ApiError(403, 'forbidden', 'You can only add organisations to your own city.');
      const [exists] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, input.slug));
      if (exists) throw new ApiError(409, 'slug_taken', `The slug "${input.slug}" is taken. Choose another one.`, [{ path: 'slug', message: 'This slug is taken.' }]);
      const [org] = await db
        .insert(organisations)
        .values({ slug: input.slug, name: input.name, phone: input.phone, email: input.email ?? null, allowedOrigins: input.allowedOrigins, cityId: city.id })
        .returning();
      return c.json({ slug: org!.slug, name: org!.name, phone: org!.phone, email: org!.email, allowedOrigins: org!.allowedOrigins, city: city.slug }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{slug}/activities',
      tags: ['admin'],
      summary: "All of an organisation's activities, closed ones too",
      ...auth,
      request: { params: slugParam },
      responses: { 200: json(z.object({ activities: z.array(publicActivitySchema) }), 'The activities.'), ...authErrors, 404: errors[404] },
    }),
    async (c) => {
      const org = await organisationBySlug(c.req.valid('param').slug);
      assertCanManage(c.get('actor'), org);
      const list = await organisationActivities(db, org.id, clock(), { includeClosed: true });
      return c.json({ activities: list }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/organisations/{slug}/activities',
      tags: ['admin'],
      summary: 'Create an activity',
      ...auth,
      request: { params: slugParam, body: body(activityInputSchema) },
      responses: { 201: json(adminActivitySchema, 'Created; `id` is the activity to put in the snippet.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const org = await organisationBySlug(c.req.valid('param').slug);
      assertCanManage(c.get('actor'), org);
      const id = await createActivity(db, org, c.req.valid('json'), clock());
      return c.json(await adminView(await loadActivity(db, id)), 201);
    },
  );

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
    async (c) => c.json(await adminView(await managedActivity(c.get('actor'), c.req.valid('param').id)), 200),
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
      await managedActivity(c.get('actor'), id);
      await patchActivity(db, id, c.req.valid('json'), clock());
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
      await managedActivity(c.get('actor'), id);
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
      const rec = await managedActivity(c.get('actor'), c.req.valid('param').id);
      const wantsCsv = (c.req.header('accept') ?? '').includes('text/csv') || c.req.query('format') === 'csv';
      if (wantsCsv) {
        c.header('Content-Type', 'text/csv; charset=utf-8');
        c.header('Content-Disposition', `attachment; filename="instap-${rec.activity.id}.csv"`);
        return stream(c, async (s) => {
          await s.write('\uFEFF' + csvRow(CSV_HEADER));
          for await (const r of staffRegistrations(db, rec.activity.id)) await s.write(csvLine(r));
        }) as never;
      }
      const list = [];
      for await (const r of staffRegistrations(db, rec.activity.id)) list.push(r);
      return c.json({ registrations: list }, 200);
    },
  );

  return app;
}


/** Organisations and what hangs under them: creating one, its activities, its referral links. */
import { createRoute, z } from '@hono/zod-openapi';
import { activityInputSchema, adminActivitySchema, organisationInputSchema, organisationSchema, publicActivitySchema, referralLinkInputSchema, referralLinkSchema } from '@instap/core';
import { eq } from 'drizzle-orm';
import type { Deps } from '../../context.js';
import { cities, organisations, uitpasSettings } from '../../db/schema.js';
import { ApiError } from '../../errors.js';
import { createActivity, loadActivity, organisationActivities } from '../../services/activities.js';
import { assertCityAdmin, createOrganisationToken, ensureCity } from '../../services/auth.js';
import { seal } from '../../services/secrets.js';
import { createReferralLink, listReferralLinks, referralUrl, type ReferralLinkRow } from '../../services/referrals.js';
import { body, errors, json, originOf, router } from '../openapi.js';
import { adminActivityView } from './activities.js';
import { access, auth, authErrors, slugParam } from './shared.js';

export function organisationRoutes(deps: Deps) {
  const app = router();
  const { db, clock } = deps;
  const can = access(deps);
  const linkView = (url: string, r: ReferralLinkRow) => ({
    code: r.code,
    url: referralUrl(originOf(deps), r),
    activityId: r.activityId,
    expiresAt: r.expiresAt.toISOString(),
    maxUses: r.maxUses,
    uses: r.uses,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
  });

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
      const org = await can.organisation(c.get('actor'), c.req.valid('param').slug);
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
      const org = await can.organisation(c.get('actor'), c.req.valid('param').slug);
      const id = await createActivity(db, org, c.req.valid('json'), clock());
      return c.json(await adminActivityView(deps, await loadActivity(db, id)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/organisations/{slug}/referral-links',
      tags: ['admin'],
      summary: 'Create a referral link that unlocks reserved places',
      ...auth,
      request: { params: slugParam, body: body(referralLinkInputSchema) },
      responses: { 201: json(referralLinkSchema, 'The link to print or send.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const org = await can.organisation(c.get('actor'), c.req.valid('param').slug);
      const input = c.req.valid('json');
      if (input.activityId) {
        const rec = await loadActivity(db, input.activityId);
        if (rec.organisation.id !== org.id) throw new ApiError(422, 'validation_failed', 'That activity is not of this organisation.', [{ path: 'activityId', message: 'Choose one of your own activities.', code: 'activity_of_other_organisation' }]);
      }
      const actor = c.get('actor');
      const row = await createReferralLink(db, org, input, { name: actor.name, userId: actor.userId }, clock());
      return c.json(linkView(c.req.url, row), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{slug}/referral-links',
      tags: ['admin'],
      summary: 'The referral links of an organisation, with their uses',
      ...auth,
      request: { params: slugParam },
      responses: { 200: json(z.object({ referralLinks: z.array(referralLinkSchema) }), 'The links, newest first.'), ...authErrors, 404: errors[404] },
    }),
    async (c) => {
      const org = await can.organisation(c.get('actor'), c.req.valid('param').slug);
      const rows = await listReferralLinks(db, org.id);
      return c.json({ referralLinks: rows.map((r) => linkView(c.req.url, r)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/organisations/{slug}/api-tokens',
      tags: ['admin'],
      summary: 'Create an API token for an organisation (shown once)',
      ...auth,
      request: { params: slugParam, body: body(z.object({ name: z.string().trim().min(1).max(80) })) },
      responses: { 201: json(z.object({ token: z.string(), name: z.string(), organisation: z.string() }), 'The token: keep it, it is not shown again.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const actor = c.get('actor');
      const org = await can.organisation(actor, c.req.valid('param').slug);
      const { name } = c.req.valid('json');
      // The token lives only as long as its maker is an admin here (services/auth.ts).
      const { token } = await createOrganisationToken(db, org, name, actor.userId);
      return c.json({ token, name, organisation: org.slug }, 201);
    },
  );

  const uitpasInput = z.object({
    clientId: z.string().trim().min(1).max(200),
    clientSecret: z.string().trim().min(1).max(500),
    environment: z.enum(['test', 'production']),
    apiBase: z.string().url().optional(),
    tokenUrl: z.string().url().optional(),
  });
  const uitpasView = z.object({ connected: z.boolean(), clientId: z.string().nullable(), environment: z.enum(['test', 'production']).nullable() });

  app.openapi(
    createRoute({
      method: 'put',
      path: '/organisations/{slug}/uitpas',
      tags: ['admin'],
      summary: 'Connect UiTPAS, to confirm kanspas ticks afterwards (optional)',
      ...auth,
      request: { params: slugParam, body: body(uitpasInput) },
      responses: { 200: json(uitpasView, 'Connected. The secret is never shown again.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const actor = c.get('actor');
      const org = await can.organisation(actor, c.req.valid('param').slug);
      const input = c.req.valid('json');
      // Another API address is for tests and proxies: only a city admin may point the server elsewhere.
      if ((input.apiBase || input.tokenUrl) && actor.role !== 'city-admin') throw new ApiError(403, 'forbidden', 'Only a city admin can set another UiTPAS address.');
      const values = { clientId: input.clientId, clientSecret: seal(input.clientSecret, deps.secretKey), environment: input.environment, apiBase: input.apiBase ?? null, tokenUrl: input.tokenUrl ?? null, updatedAt: clock() };
      await db.insert(uitpasSettings).values({ organisationId: org.id, ...values }).onConflictDoUpdate({ target: uitpasSettings.organisationId, set: values });
      return c.json({ connected: true, clientId: input.clientId, environment: input.environment }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{slug}/uitpas',
      tags: ['admin'],
      summary: 'Whether UiTPAS is connected (never the secret)',
      ...auth,
      request: { params: slugParam },
      responses: { 200: json(uitpasView, 'The connection.'), ...authErrors, 404: errors[404] },
    }),
    async (c) => {
      const org = await can.organisation(c.get('actor'), c.req.valid('param').slug);
      const [row] = await db.select().from(uitpasSettings).where(eq(uitpasSettings.organisationId, org.id));
      return c.json({ connected: Boolean(row), clientId: row?.clientId ?? null, environment: row?.environment ?? null }, 200);
    },
  );

  return app;
}

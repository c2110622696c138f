/** The public API the widget calls: activities, registering a family, the family's own view. */
import { createRoute, z } from '@hono/zod-openapi';
import {
  languageSchema,
  publicActivitySchema,
  registrationCreatedSchema,
  registrationInputSchema,
  registrationViewSchema,
} from '@instap/core';
import { eq } from 'drizzle-orm';
import type { Deps } from '../context.js';
import { organisations } from '../db/schema.js';
import { notFound } from '../errors.js';
import { organisationActivities, readPublicActivity } from '../services/activities.js';
import { idempotent, loadByToken, register, registrationView } from '../services/registrations.js';
import { cancelRegistration } from '../services/waitlist.js';
import { body, errors, idempotencyHeader, json, originOf, router } from './openapi.js';

const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: '3f0c…' }) });
const slugParam = z.object({ slug: z.string().openapi({ param: { name: 'slug', in: 'path' }, example: 'demo' }) });
/** `?lang=fr`: the activity's texts in that language where the service wrote them. */
const langQuery = z.object({ lang: languageSchema.optional().openapi({ param: { name: 'lang', in: 'query' }, example: 'fr' }) });
const tokenParam = z.object({ token: z.string().openapi({ param: { name: 'token', in: 'path' } }) });

export function publicRoutes(deps: Deps) {
  const app = router();
  const { db, clock } = deps;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{slug}/activities',
      tags: ['public'],
      summary: "An organisation's open activities",
      request: { params: slugParam, query: langQuery },
      responses: { 200: json(z.object({ activities: z.array(publicActivitySchema) }), 'Activities that are open or will open.'), 404: errors[404] },
    }),
    async (c) => {
      const { slug } = c.req.valid('param');
      const [org] = await db.select().from(organisations).where(eq(organisations.slug, slug));
      if (!org) throw notFound('organisation');
      return c.json({ activities: await organisationActivities(db, org.id, clock(), { language: c.req.valid('query').lang }) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/activities/{id}',
      tags: ['public'],
      summary: 'One activity, with places left and prices',
      request: { params: idParam, query: langQuery },
      responses: { 200: json(publicActivitySchema, 'The activity.'), 404: errors[404] },
    }),
    async (c) => c.json(await readPublicActivity(db, c.req.valid('param').id, clock(), c.req.valid('query').lang), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/activities/{id}/registrations',
      tags: ['public'],
      summary: 'Register the children of one family',
      request: { params: idParam, headers: idempotencyHeader, body: body(registrationInputSchema) },
      responses: {
        201: json(registrationCreatedSchema, 'Registered: confirmed, waitlisted (with position) or in the draw.'),
        ...errors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const now = clock();
      const result = await idempotent(db, `registration:${id}`, c.req.valid('header')['idempotency-key'], input, now, async (tx) => ({
        status: 201,
        body: await register(tx, id, input, now, { publicOrigin: originOf(deps, c.req.url) }),
      }));
      if (result.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(result.body, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/registrations/{token}',
      tags: ['public'],
      summary: "The family's own view of its registration",
      request: { params: tokenParam },
      responses: { 200: json(registrationViewSchema, 'The registration.'), 404: errors[404] },
    }),
    async (c) => {
      const now = clock();
      const row = await loadByToken(db, c.req.valid('param').token);
      return c.json(await registrationView(db, row, now, { publicOrigin: originOf(deps, c.req.url) }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/registrations/{token}/cancel',
      tags: ['public'],
      summary: 'Cancel a registration; the place goes back',
      request: { params: tokenParam, headers: idempotencyHeader },
      responses: { 200: json(registrationViewSchema, 'The registration, now cancelled.'), 404: errors[404] },
    }),
    async (c) => {
      const { token } = c.req.valid('param');
      const now = clock();
      const r = await idempotent(db, `cancel:${token}`, c.req.valid('header')['idempotency-key'], {}, now, async (tx) => ({
        status: 200,
        body: await cancelRegistration(tx, token, now, { publicOrigin: originOf(deps, c.req.url) }),
      }));
      return c.json(r.body, 200);
    },
  );

  return app;
}

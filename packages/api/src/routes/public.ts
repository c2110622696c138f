/** The public API the widget calls: activities, registering a family, the family's own view. */
import { createRoute, z } from '@hono/zod-openapi';
import {
  languageSchema,
  publicActivitySchema,
  registrationCreatedSchema,
  registrationInputSchema,
  registrationViewSchema,
  type RegistrationCreated,
} from '@instap/core';
import { eq } from 'drizzle-orm';
import type { Deps } from '../context.js';
import { activities, organisations } from '../db/schema.js';
import { notFound } from '../errors.js';
import { isUuid, organisationActivities, readPublicActivity } from '../services/activities.js';
import { challengeFor, guardRegistration } from '../services/bulk-guard.js';
import { idempotent, loadByToken, register, registrationView, storedAnswer } from '../services/registrations.js';
import { cancelRegistration } from '../services/waitlist.js';
import { body, errors, idempotencyHeader, json, jsonError, originOf, router } from './openapi.js';

const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: '3f0c…' }) });
const slugParam = z.object({ slug: z.string().openapi({ param: { name: 'slug', in: 'path' }, example: 'demo' }) });
/** `?lang=fr`: the activity's texts in that language where the service wrote them. */
const langQuery = z.object({ lang: languageSchema.optional().openapi({ param: { name: 'lang', in: 'query' }, example: 'fr' }) });
/** ALTCHA's v2 challenge, as altcha-lib makes it; the widget solves it and sends the solution back. */
const challengeSchema = z
  .object({
    parameters: z.object({
      algorithm: z.string(),
      nonce: z.string(),
      salt: z.string(),
      cost: z.number(),
      keyLength: z.number(),
      keyPrefix: z.string(),
      keySignature: z.string().optional(),
      data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    }),
    signature: z.string(),
  })
  .openapi('ProofChallenge');
const proofHeader = idempotencyHeader.extend({
  'instap-proof': z.string().max(4000).optional().openapi({
    description: 'base64 of `{ "challenge": …, "solution": { "counter", "derivedKey" } }`: a solved challenge, needed only when an answer 428 asked for one. Each proof counts once.',
  }),
});
const proofErrors = {
  428: jsonError('Many requests from this address or for this activity: solve the challenge in the `Instap-Challenge` header (base64 of its JSON) and send again with the same Idempotency-Key and an `Instap-Proof` header. Codes `proof_required`, `proof_invalid`, `proof_expired`, `proof_too_small`, `proof_used`.'),
  429: jsonError('`slow_down`: this address made many registrations for this activity in the last minute. Send again after `Retry-After` seconds (same Idempotency-Key).'),
} as const;

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
      method: 'get',
      path: '/activities/{id}/challenge',
      tags: ['public'],
      summary: 'A proof-of-work challenge for registering (the widget solves it in the background)',
      description:
        'Priced for the calling address now. Solve it (altcha-lib `solveChallenge` with PBKDF2) and send the solution in `Instap-Proof` with the registration. A family never sees this.',
      request: { params: idParam },
      responses: { 200: json(z.object({ challenge: challengeSchema }), 'A challenge, valid for 15 minutes, for this activity only.'), 404: errors[404], 429: proofErrors[429] },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!isUuid(id) || !(await db.select({ id: activities.id }).from(activities).where(eq(activities.id, id))).length) throw notFound('activity');
      const challenge = await challengeFor(deps, c, id, clock());
      c.header('Cache-Control', 'no-store');
      return c.json({ challenge: challenge as z.infer<typeof challengeSchema> }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/activities/{id}/registrations',
      tags: ['public'],
      summary: 'Register the children of one family',
      request: { params: idParam, headers: proofHeader, body: body(registrationInputSchema) },
      responses: {
        201: json(registrationCreatedSchema, 'Registered: confirmed, waitlisted (with position) or in the draw.'),
        ...errors,
        409: jsonError('Not possible now: registration closed or not open, or `already_registered` (this child is registered already with this phone or e-mail).'),
        ...proofErrors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const now = clock();
      const scope = `registration:${id}`;
      const key = c.req.valid('header')['idempotency-key'];
      const earlier = await storedAnswer<RegistrationCreated>(db, scope, key, input);
      if (earlier) {
        c.header('Idempotent-Replayed', 'true');
        return c.json(earlier.body, 201);
      }
      const guard = await guardRegistration(deps, c, id, input.kanspas || !!input.referralCode, now);
      const result = await idempotent(db, scope, key, input, now, async (tx) => ({
        status: 201,
        body: await register(tx, id, input, now, { publicOrigin: originOf(deps, c.req.url) }, guard),
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

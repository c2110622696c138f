/** Public routes of fair allocation: answering an offer, the interest list, and checking a draw. */
import { createRoute, z } from '@hono/zod-openapi';
import { interestInputSchema, publishedDrawSchema, registrationViewSchema } from '@instap/core';
import type { Deps } from '../context.js';
import { notFound } from '../errors.js';
import { loadActivity } from '../services/activities.js';
import { publicDraw } from '../services/draw.js';
import { addInterest } from '../services/interest.js';
import { idempotent } from '../services/registrations.js';
import { acceptOffer, declineOffer } from '../services/waitlist.js';
import { body, errors, idempotencyHeader, json, originOf, router } from './openapi.js';

const tokenParam = z.object({ token: z.string().openapi({ param: { name: 'token', in: 'path' } }) });
const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

export function allocationRoutes(deps: Deps) {
  const app = router();
  const { db, clock } = deps;

  // An offer is answered once: yes takes the place, no passes it on. A retried tap gets the first answer.
  const answers = {
    accept: { summary: 'Take the place a waiting-list offer holds', result: 'Confirmed.' },
    decline: { summary: 'Pass the place on to the next family', result: 'Declined; the place goes to the next family.' },
  } as const;
  for (const [answer, text] of Object.entries(answers) as [keyof typeof answers, (typeof answers)[keyof typeof answers]][]) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/offers/{token}/${answer}`,
        tags: ['public'],
        summary: text.summary,
        request: { params: tokenParam, headers: idempotencyHeader },
        responses: { 200: json(registrationViewSchema, text.result), 404: errors[404], 409: errors[409] },
      }),
      async (c) => {
        const { token } = c.req.valid('param');
        const now = clock();
        const r = await idempotent(db, `offer:${token}`, c.req.valid('header')['idempotency-key'], answer, now, async (tx) => ({
          status: 200,
          body: answer === 'accept' ? await acceptOffer(tx, token, now) : await declineOffer(tx, token, now, { publicOrigin: originOf(deps, c.req.url) }),
        }));
        return c.json(r.body, 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'post',
      path: '/activities/{id}/interest',
      tags: ['public'],
      summary: '"Tell me when I can register": before opening or after the deadline',
      request: { params: idParam, headers: idempotencyHeader, body: body(interestInputSchema) },
      responses: { 201: json(z.object({ id: z.string() }), 'On the list; the family hears once when it can register.'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const now = clock();
      const r = await idempotent(db, `interest:${id}`, c.req.valid('header')['idempotency-key'], input, now, async (tx) => ({ status: 201, body: await addInterest(tx, id, input, now) }));
      return c.json(r.body, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/activities/{id}/draw',
      tags: ['public'],
      summary: 'The draw: before it the commitment (SHA-256 of the secret seed) and the rule; after it the seed and the order by draw id, without names or kanspas, for anyone to check',
      request: { params: idParam },
      responses: { 200: json(publishedDrawSchema, 'The draw.'), 404: errors[404] },
    }),
    async (c) => {
      const rec = await loadActivity(db, c.req.valid('param').id);
      if (rec.activity.withdrawnAt) throw notFound('activity');
      return c.json(publicDraw(rec), 200);
    },
  );

  return app;
}

/** Paying online: the family's checkout, and Mollie's webhook. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../context.js';
import { ApiError } from '../errors.js';
import { MOLLIE_ID, mollieChanged, startCheckout } from '../payments/online.js';
import { clientAddress, requireHits } from '../services/rate-limit.js';
import { errors, idempotencyHeader, json, jsonError, router } from './openapi.js';

const tokenParam = z.object({ token: z.string().openapi({ param: { name: 'token', in: 'path' } }) });

/** Mollie calls from a handful of addresses; a brake per address that a busy opening day stays under. */
export const WEBHOOK_LIMIT = { max: 600, windowMs: 60_000 };

const checkoutSchema = z
  .object({
    checkoutUrl: z.string().openapi({ description: "Mollie's checkout page: send the family there." }),
    amountCents: z.number().int().openapi({ description: 'What the checkout asks, in cents: what is still due.' }),
  })
  .openapi('OnlineCheckout');

export function onlinePaymentRoutes(deps: Deps) {
  const app = router();
  const { db, clock } = deps;

  app.openapi(
    createRoute({
      method: 'post',
      path: '/registrations/{token}/payments',
      tags: ['public'],
      summary: 'Pay online: a Mollie checkout for what is still due',
      description:
        'No body. Answers the checkout URL; Mollie sends the family back to its private page. Never a condition for the place: the other ways to pay stay open.',
      request: { params: tokenParam, headers: idempotencyHeader },
      responses: {
        201: json(checkoutSchema, 'The checkout to send the family to.'),
        404: errors[404],
        409: jsonError('`online_payment_not_offered`, `online_payment_unavailable` (no PUBLIC_URL) or `nothing_due`.'),
        429: jsonError('`too_many_payment_attempts`: five checkouts an hour per registration.'),
        502: jsonError('`online_payment_refused`: Mollie refused (for example the key); the message names the other ways to pay.'),
        503: jsonError('`online_payment_unavailable`: Mollie is down or slow; the message names the other ways to pay.'),
      },
    }),
    async (c) => {
      const key = c.req.valid('header')['idempotency-key'];
      const result = await startCheckout(deps, c.req.valid('param').token, key, clock());
      c.header('Cache-Control', 'no-store');
      return c.json(result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/payments/mollie',
      tags: ['public'],
      summary: "Mollie's webhook: a payment changed",
      description:
        'Form-encoded `id=tr_…`, as Mollie sends it. The status is always fetched from Mollie with the key of the organisation that created the payment; a paid payment is booked once, whatever the retries.',
      request: { body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: z.object({ id: z.string().optional().openapi({ example: 'tr_5B8cwPMGnU' }) }) } } } },
      responses: {
        200: json(z.object({ received: z.literal(true), status: z.string(), booked: z.boolean() }), 'Handled.'),
        404: jsonError('`payment_unknown`: Instap created no payment with this id.'),
        422: jsonError('`invalid_payment_id`: no `id=tr_…` in the body.'),
        429: jsonError('`too_many_requests` from this address.'),
        502: jsonError('`mollie_refused`: the organisation\'s key no longer reads the payment; Mollie retries later.'),
        503: jsonError('`mollie_unavailable`: Mollie could not be asked; Mollie retries later.'),
      },
    }),
    async (c) => {
      const now = clock();
      const key = `mollie-webhook:${clientAddress(deps, c)}`;
      await requireHits(db, [{ key, max: WEBHOOK_LIMIT.max }], now, WEBHOOK_LIMIT.windowMs, () => 'Too many calls from this address. Try again in a minute.');
      const id = c.req.valid('form').id;
      if (typeof id !== 'string' || !MOLLIE_ID.test(id)) throw new ApiError(422, 'invalid_payment_id', 'Send the payment id as the form field `id` (tr_…).');
      const outcome = await mollieChanged(deps, id, now);
      return c.json({ received: true as const, status: outcome.status, booked: outcome.booked }, 200);
    },
  );

  return app;
}

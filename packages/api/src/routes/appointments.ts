/** "Maak een afspraak" for the widget: what the organisation offers, and asking for a call. */
import { createRoute, z } from '@hono/zod-openapi';
import { appointmentCreatedSchema, appointmentInputSchema, appointmentOptionsSchema } from '@instap/core/appointments';
import { eq } from 'drizzle-orm';
import type { Deps } from '../context.js';
import { organisations } from '../db/schema.js';
import { ApiError, notFound } from '../errors.js';
import { createAppointment, futureSlots, loadAppointmentSettings, resolveWhen } from '../messages/appointments.js';
import { clientAddress, requireHits } from '../services/rate-limit.js';
import { idempotent } from '../services/registrations.js';
import { body, errors, json, jsonError, originOf, router } from './openapi.js';

const slugParam = z.object({ slug: z.string().openapi({ param: { name: 'slug', in: 'path' }, example: 'demo' }) });
const idempotencyHeader = z.object({
  'idempotency-key': z.string().max(200).optional().openapi({ description: 'A retried request with the same key returns the first answer.' }),
});

/** Five requests per client and organisation in ten minutes: a family that retries is fine, a script is not. */
export const APPOINTMENT_LIMIT = { limit: 5, windowMs: 10 * 60_000 };

export function appointmentRoutes(deps: Deps) {
  const app = router();
  const { db, clock } = deps;

  async function organisation(slug: string) {
    const [org] = await db.select().from(organisations).where(eq(organisations.slug, slug));
    if (!org) throw notFound('organisation');
    return org;
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{slug}/appointment-options',
      tags: ['public'],
      summary: 'How an organisation takes appointments: moments to choose, or its own booking page',
      request: { params: slugParam },
      responses: { 200: json(appointmentOptionsSchema, 'What the widget shows.'), 404: errors[404] },
    }),
    async (c) => {
      const org = await organisation(c.req.valid('param').slug);
      const s = await loadAppointmentSettings(db, org.id);
      return c.json({ name: org.name, phone: org.phone, contactWithinWorkdays: s.contactWithinWorkdays, slots: futureSlots(s.slots, clock()), bookingUrl: s.bookingUrl }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/organisations/{slug}/appointments',
      tags: ['public'],
      summary: 'Ask for an appointment: a person of the organisation calls or mails the family',
      request: { params: slugParam, headers: idempotencyHeader, body: body(appointmentInputSchema) },
      responses: {
        201: json(appointmentCreatedSchema, 'Stored; staff got a message and the family a confirmation (or a call is planned).'),
        ...errors,
        409: jsonError('The organisation books appointments on its own page (`appointments_external`).'),
        429: jsonError('Too many requests from this connection (`too_many_requests`).'),
      },
    }),
    async (c) => {
      const org = await organisation(c.req.valid('param').slug);
      const settings = await loadAppointmentSettings(db, org.id);
      if (settings.bookingUrl)
        throw new ApiError(409, 'appointments_external', `${org.name} makes appointments on its own page: ${settings.bookingUrl}. You can also call ${org.phone}.`);
      const input = c.req.valid('json');
      const now = clock();
      resolveWhen(input.when, settings, now); // a 422 before anything is claimed or written
      // Counted before the work, so parallel requests get exactly the limit through. A retry with
      // the same Idempotency-Key counts too; five in ten minutes leave room for a family that retries.
      const key = `appointment:${clientAddress(deps, c)}|${org.id}`;
      await requireHits(db, [{ key, max: APPOINTMENT_LIMIT.limit }], now, APPOINTMENT_LIMIT.windowMs, () => `We already got several requests from you. Wait a few minutes, or call ${org.phone}.`);
      const ctx = { now, publicOrigin: originOf(deps) };
      const result = await idempotent(db, `appointment:${org.id}`, c.req.valid('header')['idempotency-key'], input, now, async (tx) => ({
        status: 201,
        body: await createAppointment(tx, org, settings, input, ctx),
      }));
      if (result.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(result.body, 201);
    },
  );

  return app;
}

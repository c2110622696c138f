/**
 * Staff's side of appointments and messages: the appointment list and its status, the
 * organisation's appointment settings, the call list (families with only a phone number), and
 * messages that could not be delivered. Staff see only their own organisation; another
 * organisation's record answers 404.
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  adminAppointmentSchema,
  appointmentPatchSchema,
  appointmentSettingsSchema,
  appointmentStatusSchema,
  messageStatusSchema,
  staffMessageSchema,
} from '@instap/core/appointments';
import { and, desc, eq } from 'drizzle-orm';
import type { Actor, Deps } from '../../context.js';
import { appointments, messages } from '../../db/schema-messages.js';
import { organisations } from '../../db/schema.js';
import { startOfferClock } from '../../services/waitlist.js';
import { ApiError, notFound } from '../../errors.js';
import { appointmentView, loadAppointmentSettings, saveAppointmentSettings } from '../../messages/appointments.js';
import { mailboxRoutes } from '../../messages/mailbox.js';
import { staffMessage } from '../../messages/views.js';
import { isUuid } from '../../services/activities.js';
import { assertCanManage } from '../../services/auth.js';
import { body, errors, json, router } from '../openapi.js';
import { access, auth, authErrors, idParam, slugParam } from './shared.js';

const LIST_LIMIT = 500;

export function messageRoutes(deps: Deps) {
  const app = router();
  const { db, clock } = deps;
  const can = access(deps);

  /** The row and its organisation, if the actor may manage it; otherwise 404 as if it did not exist. */
  async function own<T extends { organisationId: string | null }>(actor: Actor, row: T | undefined, what: string): Promise<T> {
    // A message to a city-wide account belongs to nobody's lists.
    if (!row || row.organisationId === null) throw notFound(what);
    const [org] = await db.select().from(organisations).where(eq(organisations.id, row.organisationId));
    assertCanManage(actor, org!);
    return row;
  }
  const byId = async <T>(id: string, load: () => Promise<T[]>) => (isUuid(id) ? (await load())[0] : undefined);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{slug}/appointments',
      tags: ['admin'],
      summary: 'Appointment requests, newest first',
      ...auth,
      request: { params: slugParam, query: z.object({ status: appointmentStatusSchema.optional() }) },
      responses: { 200: json(z.object({ appointments: z.array(adminAppointmentSchema) }), 'The requests.'), ...authErrors, 404: errors[404], 422: errors[422] },
    }),
    async (c) => {
      const org = await can.organisation(c.get('actor'), c.req.valid('param').slug);
      const { status } = c.req.valid('query');
      const rows = await db
        .select()
        .from(appointments)
        .where(and(eq(appointments.organisationId, org.id), status ? eq(appointments.status, status) : undefined))
        .orderBy(desc(appointments.createdAt), desc(appointments.id))
        .limit(LIST_LIMIT);
      return c.json({ appointments: rows.map(appointmentView) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/appointments/{id}',
      tags: ['admin'],
      summary: 'Mark an appointment request as contacted or done',
      ...auth,
      request: { params: idParam, body: body(appointmentPatchSchema) },
      responses: { 200: json(adminAppointmentSchema, 'The request.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await own(c.get('actor'), await byId(id, () => db.select().from(appointments).where(eq(appointments.id, id))), 'appointment');
      const [row] = await db.update(appointments).set({ status: c.req.valid('json').status, updatedAt: clock() }).where(eq(appointments.id, id)).returning();
      return c.json(appointmentView(row!), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{slug}/appointment-settings',
      tags: ['admin'],
      summary: 'How the organisation takes appointments',
      ...auth,
      request: { params: slugParam },
      responses: { 200: json(appointmentSettingsSchema, 'The settings.'), ...authErrors, 404: errors[404] },
    }),
    async (c) => {
      const org = await can.organisation(c.get('actor'), c.req.valid('param').slug);
      return c.json(await loadAppointmentSettings(db, org.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/organisations/{slug}/appointment-settings',
      tags: ['admin'],
      summary: 'Set the contact time, the moments families may choose, or an own booking page',
      ...auth,
      request: { params: slugParam, body: body(appointmentSettingsSchema) },
      responses: { 200: json(appointmentSettingsSchema, 'The settings.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const actor = c.get('actor');
      const org = await can.organisation(actor, c.req.valid('param').slug);
      const input = c.req.valid('json');
      // Staff set the moments; where families are sent to book is an admin's decision.
      if (actor.role !== 'city-admin' && actor.role !== 'organisation-admin' && (input.bookingUrl ?? null) !== (await loadAppointmentSettings(db, org.id)).bookingUrl)
        throw new ApiError(403, 'forbidden', 'Only an admin of your organisation can set or change the booking page.');
      await saveAppointmentSettings(db, org.id, input, clock());
      return c.json(await loadAppointmentSettings(db, org.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{slug}/call-list',
      tags: ['admin'],
      summary: 'Families to call (they gave only a phone number), with the words to say',
      ...auth,
      request: { params: slugParam },
      responses: { 200: json(z.object({ calls: z.array(staffMessageSchema) }), 'Oldest first: who waits longest is called first.'), ...authErrors, 404: errors[404] },
    }),
    async (c) => {
      const org = await can.organisation(c.get('actor'), c.req.valid('param').slug);
      const rows = await db
        .select()
        .from(messages)
        .where(and(eq(messages.organisationId, org.id), eq(messages.channel, 'call'), eq(messages.status, 'call')))
        .orderBy(messages.createdAt, messages.id)
        .limit(LIST_LIMIT);
      return c.json({ calls: rows.map(staffMessage) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/messages/{id}/called',
      tags: ['admin'],
      summary: 'Mark a call as done',
      ...auth,
      request: { params: idParam },
      responses: { 200: json(staffMessageSchema, 'The message, now called.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const m = await own(c.get('actor'), await byId(id, () => db.select().from(messages).where(eq(messages.id, id))), 'message');
      if (m.channel !== 'call') throw new ApiError(409, 'not_a_call', 'This message goes out by e-mail; there is no call to mark.');
      const now = clock();
      const row = await db.transaction(async (tx) => {
        const [updated] = await tx.update(messages).set({ status: 'called', sentAt: now }).where(eq(messages.id, id)).returning();
        // A family without e-mail hears of its offer by phone: its time to answer starts now.
        if (m.kind === 'offer-made' && m.registrationId) await startOfferClock(tx, m.registrationId, now);
        return updated!;
      });
      return c.json(staffMessage(row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/messages/{id}/retry',
      tags: ['admin'],
      summary: 'Send a failed e-mail again (for example after fixing the address problem)',
      ...auth,
      request: { params: idParam },
      responses: { 200: json(staffMessageSchema, 'The message, waiting to be sent.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const m = await own(c.get('actor'), await byId(id, () => db.select().from(messages).where(eq(messages.id, id))), 'message');
      if (m.status !== 'failed') throw new ApiError(409, 'not_failed', 'Only a message that could not be sent can be sent again.');
      const [row] = await db.update(messages).set({ status: 'pending', attempts: 0, nextAttemptAt: clock() }).where(eq(messages.id, id)).returning();
      return c.json(staffMessage(row!), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{slug}/messages',
      tags: ['admin'],
      summary: "The organisation's messages, e.g. ?status=failed for e-mails that did not arrive",
      ...auth,
      request: { params: slugParam, query: z.object({ status: messageStatusSchema.optional() }) },
      responses: { 200: json(z.object({ messages: z.array(staffMessageSchema) }), 'Newest first.'), ...authErrors, 404: errors[404], 422: errors[422] },
    }),
    async (c) => {
      const org = await can.organisation(c.get('actor'), c.req.valid('param').slug);
      const { status } = c.req.valid('query');
      const rows = await db
        .select()
        .from(messages)
        .where(and(eq(messages.organisationId, org.id), status ? eq(messages.status, status) : undefined))
        .orderBy(desc(messages.createdAt), desc(messages.id))
        .limit(LIST_LIMIT);
      return c.json({ messages: rows.map(staffMessage) }, 200);
    },
  );

  app.route('/', mailboxRoutes(deps));
  return app;
}

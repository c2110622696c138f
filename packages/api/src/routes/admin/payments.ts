/**
 * Staff's side of money: the organisation's payment settings, recording a payment, waiving,
 * instalments and refunds for one registration, and the payments of an activity. Another
 * organisation's registration answers 404; settings are for organisation and city admins.
 */
import { createRoute } from '@hono/zod-openapi';
import {
  activityPaymentsSchema,
  paymentPlanInputSchema,
  paymentRecordInputSchema,
  paymentRefundInputSchema,
  paymentSettingsInputSchema,
  paymentSettingsSchema,
  paymentWaiveInputSchema,
  staffPaymentSchema,
} from '@instap/core';
import { eq } from 'drizzle-orm';
import type { Actor, Deps } from '../../context.js';
import { registrations } from '../../db/schema.js';
import { ApiError, notFound } from '../../errors.js';
import { isUuid, loadActivity } from '../../services/activities.js';
import { assertCanManage } from '../../services/auth.js';
import { savePaymentSettings, settingsView } from '../../services/payment-settings.js';
import { bookPayment, settingsOf } from '../../services/payments.js';
import { activityPayments, recordRefund, setPlan, staffPayment, waivePayment } from '../../services/payments-staff.js';
import { idempotent } from '../../services/registrations.js';
import { body, errors, idempotencyHeader, json, originOf, router } from '../openapi.js';
import { access, auth, authErrors, idParam, slugParam } from './shared.js';

const who = (actor: Actor) => actor.name;

export function paymentRoutes(deps: Deps) {
  const app = router();
  const { db, clock } = deps;
  const can = access(deps);

  /** A registration of the actor's organisation; 404 for anything else, so nothing leaks. */
  async function ownRegistration(actor: Actor, id: string) {
    if (!isUuid(id)) throw notFound('registration');
    const [row] = await db.select().from(registrations).where(eq(registrations.id, id));
    if (!row) throw notFound('registration');
    assertCanManage(actor, (await loadActivity(db, row.activityId)).organisation);
    return row;
  }
  const reload = async (id: string) => (await db.select().from(registrations).where(eq(registrations.id, id)))[0]!;
  const answer = async (id: string, url: string) => staffPayment(db, await reload(id), clock(), originOf(deps, url));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{slug}/payments',
      tags: ['admin'],
      summary: 'How the organisation takes money (the Mollie key is never shown, only whether it is set)',
      ...auth,
      request: { params: slugParam },
      responses: { 200: json(paymentSettingsSchema, 'The settings; without any, desk only.'), ...authErrors, 404: errors[404] },
    }),
    async (c) => {
      const org = await can.organisation(c.get('actor'), c.req.valid('param').slug);
      return c.json(settingsView(await settingsOf(db, org.id)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/organisations/{slug}/payments',
      tags: ['admin'],
      summary: 'Set how the organisation takes money (organisation or city admin)',
      description:
        'Checked as a whole: the IBAN (mod 97) and BIC, a beneficiary when `transfer` is on, a Mollie key (`test_…`/`live_…`) when `online` is on. The Mollie key is sealed under INSTAP_SECRET_KEY; without that key on the server it is refused (`secret_key_not_configured`).',
      ...auth,
      request: { params: slugParam, body: body(paymentSettingsInputSchema) },
      responses: { 200: json(paymentSettingsSchema, 'The settings.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const actor = c.get('actor');
      const org = await can.organisation(actor, c.req.valid('param').slug);
      if (actor.role !== 'organisation-admin' && actor.role !== 'city-admin') throw new ApiError(403, 'forbidden', 'Only an admin of the organisation can change how it takes money.');
      const saved = await savePaymentSettings(db, org.id, c.req.valid('json'), clock(), deps.secretKey);
      return c.json(settingsView(saved), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/registrations/{id}/payments',
      tags: ['admin'],
      summary: "A registration's payment and every money movement on it",
      ...auth,
      request: { params: idParam },
      responses: { 200: json(staffPaymentSchema, 'The payment and its ledger, oldest first.'), ...authErrors, 404: errors[404] },
    }),
    async (c) => {
      const row = await ownRegistration(c.get('actor'), c.req.valid('param').id);
      return c.json(await answer(row.id, c.req.url), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/registrations/{id}/payments',
      tags: ['admin'],
      summary: 'Record a payment at the desk, by transfer seen on the account, or by a third party',
      description: 'Send an `Idempotency-Key`: a retried press books once. More than is left to pay is refused (`payment_exceeds_due`).',
      ...auth,
      request: { params: idParam, headers: idempotencyHeader, body: body(paymentRecordInputSchema) },
      responses: { 201: json(staffPaymentSchema, 'Booked.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const actor = c.get('actor');
      const row = await ownRegistration(actor, c.req.valid('param').id);
      const input = c.req.valid('json');
      const now = clock();
      const result = await idempotent(db, `payment:${row.id}`, c.req.valid('header')['idempotency-key'], input, now, async (tx) => {
        await bookPayment(tx, { registrationId: row.id, amountCents: input.amountCents, method: input.method, source: 'staff', note: input.note ?? null, by: who(actor), at: now });
        return { status: 201, body: await staffPayment(tx, await tx.select().from(registrations).where(eq(registrations.id, row.id)).then((r) => r[0]!), now, originOf(deps, c.req.url)) };
      });
      if (result.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(result.body, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/registrations/{id}/payments/waive',
      tags: ['admin'],
      summary: 'Let the family off what is left to pay (say why in the note)',
      ...auth,
      request: { params: idParam, body: body(paymentWaiveInputSchema) },
      responses: { 200: json(staffPaymentSchema, 'Waived.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const actor = c.get('actor');
      const row = await ownRegistration(actor, c.req.valid('param').id);
      await db.transaction((tx) => waivePayment(tx, row.id, c.req.valid('json').note, who(actor), clock()));
      return c.json(await answer(row.id, c.req.url), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/registrations/{id}/payments/plan',
      tags: ['admin'],
      summary: 'Split what is left to pay in instalments (an empty list removes the plan)',
      ...auth,
      request: { params: idParam, body: body(paymentPlanInputSchema) },
      responses: { 200: json(staffPaymentSchema, 'The plan is set.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const row = await ownRegistration(c.get('actor'), c.req.valid('param').id);
      await db.transaction((tx) => setPlan(tx, row.id, c.req.valid('json').instalments, clock()));
      return c.json(await answer(row.id, c.req.url), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/registrations/{id}/payments/refund',
      tags: ['admin'],
      summary: 'Mark money given back after a cancellation (all of the refund due unless an amount is given)',
      ...auth,
      request: { params: idParam, body: body(paymentRefundInputSchema) },
      responses: { 200: json(staffPaymentSchema, 'Refund recorded.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const actor = c.get('actor');
      const row = await ownRegistration(actor, c.req.valid('param').id);
      await db.transaction((tx) => recordRefund(tx, row.id, c.req.valid('json'), who(actor), clock()));
      return c.json(await answer(row.id, c.req.url), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/activities/{id}/payments',
      tags: ['admin'],
      summary: "An activity's payments: open, paid, past due and to refund, in totals and per registration",
      ...auth,
      request: { params: idParam },
      responses: { 200: json(activityPaymentsSchema, 'The payments, in order of arrival.'), ...authErrors, 404: errors[404] },
    }),
    async (c) => {
      const rec = await can.activity(c.get('actor'), c.req.valid('param').id);
      return c.json(await activityPayments(db, rec, clock()), 200);
    },
  );

  return app;
}

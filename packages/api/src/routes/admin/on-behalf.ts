/**
 * What staff and intermediaries do for a family: register it on its behalf (with the family's
 * agreement), cancel for it, and — for intermediaries — see only the families they registered.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { registrationCreatedSchema, registrationInputSchema, registrationStatusSchema } from '@instap/core';
import { and, eq } from 'drizzle-orm';
import type { Actor, Deps } from '../../context.js';
import type { Db } from '../../db/client.js';
import { referralLinks, registrations } from '../../db/schema.js';
import { registrationIntermediaries } from '../../db/schema-accounts.js';
import { notFound } from '../../errors.js';
import { isUuid, loadActivity } from '../../services/activities.js';
import { assertCanManage } from '../../services/auth.js';
import { newReferralCode } from '../../services/referrals.js';
import { idempotent, register } from '../../services/registrations.js';
import { cancelRegistration } from '../../services/waitlist.js';
import { body, errors, json, originOf, router } from '../openapi.js';
import { access, auth, authErrors, idParam, registrationList } from './shared.js';

const onBehalfSchema = registrationInputSchema.extend({
  familyAgreed: z.literal(true, { error: 'Tick that the family agreed that you register them.' }).openapi({
    description: 'The intermediary confirms the family agreed to be registered, and to share these details.',
  }),
});

async function registeredBy(db: Db, registrationId: string): Promise<string | null> {
  const [row] = await db.select().from(registrationIntermediaries).where(eq(registrationIntermediaries.registrationId, registrationId));
  return row?.userId ?? null;
}

export function onBehalfRoutes(deps: Deps) {
  const app = router();
  const { db, clock } = deps;
  const can = access(deps);

  // The staff list shows every family; an intermediary gets the same list cut to the families
  // they registered. This answers before activities.ts does (this router is mounted first).
  app.use('/activities/:id/registrations', async (c, next) => {
    const actor = c.get('actor');
    if (c.req.method !== 'GET' || actor?.role !== 'intermediary') return next();
    const rec = await can.activity(actor, c.req.param('id'));
    const own = new Set(
      (
        await db
          .select({ id: registrationIntermediaries.registrationId })
          .from(registrationIntermediaries)
          .innerJoin(registrations, eq(registrations.id, registrationIntermediaries.registrationId))
          .where(and(eq(registrationIntermediaries.userId, actor.userId ?? ''), eq(registrations.activityId, rec.activity.id)))
      ).map((r) => r.id),
    );
    return registrationList(c, db, rec.activity.id, (r) => own.has(r.id));
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/activities/{id}/registrations',
      tags: ['admin'],
      summary: "Register a family on its behalf (staff or intermediary; the family's agreement is required)",
      description:
        'The same rules as the widget. An intermediary counts as a referral: the family may take a reserved place. Send an `Idempotency-Key` so a retried press does not register twice.',
      ...auth,
      request: { params: idParam, body: body(onBehalfSchema) },
      responses: {
        201: json(registrationCreatedSchema.extend({ familyUrl: z.string() }), "Registered; `familyUrl` is the family's private page to pass on."),
        ...authErrors,
        ...errors,
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      const { id } = c.req.valid('param');
      const rec = await can.activity(actor, id);
      const { familyAgreed: _agreed, ...input } = c.req.valid('json');
      const now = clock();
      const scope = `admin-registration:${id}:${actor.userId ?? actor.name}`;
      const result = await idempotent(db, scope, c.req.header('idempotency-key'), input, now, async (tx) => {
        let referralCode = input.referralCode;
        if (actor.role === 'intermediary' && !referralCode) {
          // A bridge figure vouches for the family as a referral link would: mint a one-use code in
          // this transaction, so the existing rules let the family take a reserved place.
          referralCode = newReferralCode();
          await tx.insert(referralLinks).values({
            code: referralCode,
            organisationId: rec.organisation.id,
            activityId: id,
            expiresAt: new Date(now.getTime() + 3600_000),
            maxUses: 1,
            note: `Ingeschreven door ${actor.name}`,
            createdBy: actor.name,
            createdAt: now,
          });
        }
        const created = await register(tx, id, { ...input, referralCode }, now, { publicOrigin: originOf(deps, c.req.url) });
        if (actor.userId) await tx.insert(registrationIntermediaries).values({ registrationId: created.id, userId: actor.userId });
        return { status: 201, body: created };
      });
      return c.json({ ...result.body, familyUrl: `${originOf(deps, c.req.url)}/r/${result.body.token}` }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/registrations/{id}/cancel',
      tags: ['admin'],
      summary: "Cancel a registration on the family's behalf (the place goes back)",
      ...auth,
      request: { params: idParam },
      responses: { 200: json(z.object({ id: z.string(), status: registrationStatusSchema }), 'Cancelled (cancelling twice is fine).'), ...authErrors, ...errors },
    }),
    async (c) => {
      const actor = c.get('actor');
      const row = await loadRegistration(actor, c.req.valid('param').id);
      const cancelled = await cancelRegistration(db, row.token, clock(), { publicOrigin: originOf(deps, c.req.url) });
      return c.json({ id: cancelled.id, status: cancelled.status }, 200);
    },
  );

  /** A registration the actor may act on; 404 for anything else, so nothing leaks. */
  async function loadRegistration(actor: Actor, id: string) {
    if (!isUuid(id)) throw notFound('registration');
    const [row] = await db.select().from(registrations).where(eq(registrations.id, id));
    if (!row) throw notFound('registration');
    const rec = await loadActivity(db, row.activityId);
    assertCanManage(actor, rec.organisation);
    if (actor.role === 'intermediary' && (await registeredBy(db, row.id)) !== actor.userId) throw notFound('registration');
    return row;
  }

  return app;
}

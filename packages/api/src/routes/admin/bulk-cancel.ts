/**
 * Staff cancel suspicious registrations in one go (the ones the list flags): all or nothing, in
 * one transaction under the activity's lock; the freed places go to the waiting list exactly as
 * a single cancellation's do (services/waitlist.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { and, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../context.js';
import { registrations } from '../../db/schema.js';
import { ApiError, notFound } from '../../errors.js';
import { isUuid, loadActivity } from '../../services/activities.js';
import { cancelLocked, offerFreePlaces } from '../../services/waitlist.js';
import { body, errors, json, originOf, router } from '../openapi.js';
import { access, auth, authErrors, idParam } from './shared.js';

/** One batch at most: a whole flood fits, and the transaction stays short. */
export const MAX_BULK_CANCEL = 500;

const bulkCancelSchema = z.object({
  ids: z
    .array(z.string())
    .min(1, { error: 'Choose at least one registration.' })
    .max(MAX_BULK_CANCEL, { error: `At most ${MAX_BULK_CANCEL} registrations at once.` }),
});

export function bulkCancelRoutes(deps: Deps) {
  const app = router();
  const { db, clock } = deps;
  const can = access(deps);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/activities/{id}/registrations/cancel',
      tags: ['admin'],
      summary: 'Cancel several registrations of one activity at once (all or none); the places go to the waiting list',
      description: 'Every id must be a registration of this activity, or nothing is cancelled (404). Cancelling one already cancelled is fine.',
      ...auth,
      request: { params: idParam, body: body(bulkCancelSchema) },
      responses: {
        200: json(z.object({ cancelled: z.array(z.string()), alreadyCancelled: z.array(z.string()), offered: z.number().int() }), 'Cancelled; `offered` places went to the waiting list.'),
        ...authErrors,
        ...errors,
      },
    }),
    async (c) => {
      const rec = await can.activity(c.get('actor'), c.req.valid('param').id);
      const ids = [...new Set(c.req.valid('json').ids)];
      if (!ids.every(isUuid)) throw notFound('registration');
      const now = clock();
      const result = await db.transaction(async (tx) => {
        const locked = await loadActivity(tx, rec.activity.id, { lock: true });
        const rows = await tx
          .select({ id: registrations.id, status: registrations.status })
          .from(registrations)
          .where(and(eq(registrations.activityId, rec.activity.id), inArray(registrations.id, ids)))
          .for('update');
        // Another activity's or another organisation's id: nothing happens, and nothing is told about it.
        if (rows.length !== ids.length) throw new ApiError(404, 'registration_not_found', 'Some of these registrations are not of this activity. Nothing was cancelled.');
        const open = rows.filter((r) => r.status !== 'cancelled');
        for (const r of open) await cancelLocked(tx, r.id, now);
        const offered = await offerFreePlaces(tx, locked, now, { publicOrigin: originOf(deps, c.req.url) });
        return { cancelled: open.map((r) => r.id), alreadyCancelled: rows.filter((r) => r.status === 'cancelled').map((r) => r.id), offered: offered.length };
      });
      return c.json(result, 200);
    },
  );

  return app;
}

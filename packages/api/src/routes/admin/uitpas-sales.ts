/**
 * An activity's UiTPAS ticket sales, for its organisation's staff: per child whether the sale
 * that reimburses the club is registered, what is still open, and a retry.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { UITPAS_NUMBER_PATTERN, uitpasSalesViewSchema } from '@instap/core';
import { eq } from 'drizzle-orm';
import { registrations } from '../../db/schema.js';
import { isUuid } from '../../services/activities.js';
import type { Deps } from '../../context.js';
import { ApiError, notFound, validationError } from '../../errors.js';
import { requireHits } from '../../services/rate-limit.js';
import { retryUitpasSales, setChildUitpasNumber, syncUitpasSales } from '../../services/uitpas-sales.js';
import { uitpasSalesView } from '../../services/uitpas-sales-view.js';
import { body, errors, json, router } from '../openapi.js';
import { access, auth, authErrors, idParam } from './shared.js';

/** Each retry talks to UiTPAS for up to ten sales: a few per quarter hour per activity is plenty. */
const RETRIES_PER_WINDOW = 12;
const RETRY_WINDOW_MS = 15 * 60_000;

export function uitpasSalesRoutes(deps: Deps) {
  const app = router();
  const { db, clock } = deps;
  const can = access(deps);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/activities/{id}/uitpas-sales',
      tags: ['admin'],
      summary: 'The UiTPAS ticket sales of an activity: per kanspas child whether the reimbursement is registered',
      ...auth,
      request: { params: idParam },
      responses: { 200: json(uitpasSalesViewSchema, 'Per child, and what is open.'), ...authErrors, 404: errors[404] },
    }),
    async (c) => {
      const rec = await can.activity(c.get('actor'), c.req.valid('param').id);
      // What the scheduler would queue on its next run is shown as open already.
      await syncUitpasSales(db, clock(), { activityId: rec.activity.id });
      return c.json(await uitpasSalesView(db, rec), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/activities/{id}/uitpas-sales/retry',
      tags: ['admin'],
      summary: 'Try the open and refused UiTPAS sales of an activity again, now',
      ...auth,
      request: { params: idParam },
      responses: {
        200: json(uitpasSalesViewSchema.extend({ tried: z.object({ registered: z.number().int(), cancelled: z.number().int(), failed: z.number().int(), waiting: z.number().int() }) }), 'What the retry did, and the sales now.'),
        ...authErrors,
        404: errors[404],
        429: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Too many retries: the scheduler keeps trying on its own.'),
      },
    }),
    async (c) => {
      const rec = await can.activity(c.get('actor'), c.req.valid('param').id);
      const now = clock();
      const key = `uitpas-retry:${rec.activity.id}`;
      await requireHits(db, [{ key, max: RETRIES_PER_WINDOW }], now, RETRY_WINDOW_MS, (m) => `Instap already tried many times. It keeps trying on its own; try again in ${m} minutes.`);
      const tried = await retryUitpasSales(db, rec.activity.id, now, { secretKey: deps.secretKey });
      return c.json({ ...(await uitpasSalesView(db, rec)), tried }, 200);
    },
  );

  const childParams = z.object({
    id: z.string().openapi({ param: { name: 'id', in: 'path' } }),
    position: z.string().openapi({ param: { name: 'position', in: 'path' }, description: 'The child, counted from 0 in the order the family gave them.' }),
  });
  app.openapi(
    createRoute({
      method: 'put',
      path: '/registrations/{id}/children/{position}/uitpas-number',
      tags: ['admin'],
      summary: "Correct a kanspas child's UiTPAS number (before its sale is registered)",
      ...auth,
      request: { params: childParams, body: body(z.object({ uitpasNumber: z.string().max(40).nullable().openapi({ description: '13 digits; null removes it.' }) })) },
      responses: { 200: json(uitpasSalesViewSchema, 'The sales of the activity now.'), ...authErrors, ...errors },
    }),
    async (c) => {
      const { id, position } = c.req.valid('param');
      if (!isUuid(id)) throw notFound('registration');
      const [reg] = await db.select({ activityId: registrations.activityId }).from(registrations).where(eq(registrations.id, id));
      if (!reg) throw notFound('registration');
      const rec = await can.activity(c.get('actor'), reg.activityId);
      // Checked after access, so another organisation learns nothing from the answer.
      if (!/^\d{1,2}$/.test(position)) throw notFound('child');
      const number = c.req.valid('json').uitpasNumber?.replace(/\s/g, '') ?? null;
      if (number !== null && !UITPAS_NUMBER_PATTERN.test(number))
        throw validationError([{ path: 'uitpasNumber', message: 'A UiTPAS number has 13 digits.', code: 'invalid_format' }]);
      await setChildUitpasNumber(db, id, Number(position), number, clock());
      await syncUitpasSales(db, clock(), { activityId: rec.activity.id });
      return c.json(await uitpasSalesView(db, rec), 200);
    },
  );

  return app;
}

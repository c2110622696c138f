/** What every admin router shares: the bearer security, the auth answers, and access checks. */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import type { Db } from '../../db/client.js';
import { CSV_HEADER, csvLine, staffRegistrations, type StaffRegistration } from '../../services/admin-registrations.js';
import { csvRow } from '../../services/csv.js';
import { eq } from 'drizzle-orm';
import type { Actor, Deps } from '../../context.js';
import { organisations } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { loadActivity, type ActivityRecord } from '../../services/activities.js';
import { assertCanManage } from '../../services/auth.js';
import { json } from '../openapi.js';

export const auth = { security: [{ bearer: [] }] };
const authError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export const authErrors = {
  401: json(authError, 'No valid session or token.'),
  403: json(authError, 'Not allowed for your role.'),
};
export const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
export const slugParam = z.object({ slug: z.string().openapi({ param: { name: 'slug', in: 'path' } }) });

export function access(deps: Deps) {
  return {
    async organisation(actor: Actor, slug: string) {
      const [org] = await deps.db.select().from(organisations).where(eq(organisations.slug, slug));
      if (!org) throw notFound('organisation');
      assertCanManage(actor, org);
      return org;
    },
    async activity(actor: Actor, id: string): Promise<ActivityRecord> {
      const rec = await loadActivity(deps.db, id);
      assertCanManage(actor, rec.organisation);
      return rec;
    },
  };
}

/**
 * An activity's registrations as staff see them: JSON, or a streamed CSV for spreadsheets
 * (`Accept: text/csv` or `?format=csv`). `keep` narrows the list (an intermediary's own families).
 */
export async function registrationList(c: Context, db: Db, activityId: string, keep: (r: StaffRegistration) => boolean = () => true, now?: Date) {
  const wantsCsv = (c.req.header('accept') ?? '').includes('text/csv') || c.req.query('format') === 'csv';
  if (wantsCsv) {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="instap-${activityId}.csv"`);
    return stream(c, async (s) => {
      await s.write('\uFEFF' + csvRow(CSV_HEADER));
      for await (const r of staffRegistrations(db, activityId, 500, now)) if (keep(r)) await s.write(csvLine(r));
    });
  }
  const list: StaffRegistration[] = [];
  for await (const r of staffRegistrations(db, activityId, 500, now)) if (keep(r)) list.push(r);
  return c.json({ registrations: list }, 200);
}

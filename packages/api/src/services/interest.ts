/**
 * The interest list: a family that came too early or too late leaves a name and a way to reach
 * them, and hears once when it can register — for this activity, or a new one of the same kind.
 */
import { registrationPhase, type InterestInput } from '@instap/core';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { activities, interest } from '../db/schema.js';
import { ApiError, notFound } from '../errors.js';
import { loadActivity, windowRules, type ActivityRecord } from './activities.js';

export type InterestRow = typeof interest.$inferSelect;

export async function addInterest(db: Db, activityId: string, input: Required<Pick<InterestInput, 'name' | 'language'>> & InterestInput, now: Date) {
  const rec = await loadActivity(db, activityId);
  if (rec.activity.withdrawnAt) throw notFound('activity');
  const phase = registrationPhase(windowRules(rec), now);
  if (phase === 'first-come' || phase === 'lottery')
    throw new ApiError(409, 'registration_open', 'Registration is open now: you can register straight away.');
  const [row] = await db
    .insert(interest)
    .values({
      organisationId: rec.organisation.id,
      activityId,
      kind: rec.activity.kind,
      name: input.name,
      phone: input.phone || null,
      email: input.email || null,
      language: input.language,
      createdAt: now,
    })
    .returning({ id: interest.id });
  return { id: row!.id };
}

export function interestList(db: Db, activityId: string) {
  return db.select().from(interest).where(eq(interest.activityId, activityId)).orderBy(interest.createdAt);
}

/** An open activity that answers a family's interest: the same one, or one of the same organisation and kind. */
async function openMatch(db: Db, row: InterestRow, now: Date, cache: Map<string, ActivityRecord | null>): Promise<ActivityRecord | null> {
  const candidates = await db
    .select({ id: activities.id, kind: activities.kind })
    .from(activities)
    .where(and(eq(activities.organisationId, row.organisationId), isNull(activities.withdrawnAt)));
  for (const c of candidates) {
    if (c.id !== row.activityId && (!row.kind || c.kind !== row.kind)) continue;
    if (!cache.has(c.id)) {
      const rec = await loadActivity(db, c.id);
      const phase = registrationPhase(windowRules(rec), now);
      cache.set(c.id, phase === 'first-come' || phase === 'lottery' ? rec : null);
    }
    const rec = cache.get(c.id);
    if (rec) return rec;
  }
  return null;
}

/**
 * Tells every waiting family once that it can register. `notify` writes the message in the same
 * transaction that marks the family as told, so nobody is told twice or forgotten.
 */
export async function notifyInterest(db: Db, now: Date, notify: (tx: Tx, row: InterestRow, rec: ActivityRecord) => Promise<void>): Promise<number> {
  const waiting = await db.select().from(interest).where(isNull(interest.notifiedAt));
  const cache = new Map<string, ActivityRecord | null>();
  let told = 0;
  for (const row of waiting) {
    const rec = await openMatch(db, row, now, cache);
    if (!rec) continue;
    await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(interest)
        .set({ notifiedAt: now, notifiedFor: rec.activity.id })
        .where(and(eq(interest.id, row.id), isNull(interest.notifiedAt)))
        .returning({ id: interest.id });
      if (!claimed) return;
      await notify(tx, row, rec);
      told++;
    });
  }
  return told;
}

/**
 * Running a draw: at `drawAt` (the scheduler) or earlier when staff press it, never twice.
 * The activity row is locked, so with several server processes only one runs a given draw.
 */
import { allocateDraw, DRAW_RULE, type DrawResult, type PublishedDraw } from '@instap/core';
import { and, asc, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { activities, registrationChildren, registrations } from '../db/schema.js';
import { ApiError } from '../errors.js';
import { loadActivity, occupancy, placeRules, type ActivityRecord } from './activities.js';
import { tellFamily } from './family-messages.js';
import { paymentConfirmed } from './payments.js';

async function entriesOf(db: Db | Parameters<Parameters<Db['transaction']>[0]>[0], activityId: string) {
  const rows = await db
    .select({ id: registrations.id, kanspas: registrations.kanspas, referralCode: registrations.referralCode, status: registrations.status })
    .from(registrations)
    .where(and(eq(registrations.activityId, activityId), inArray(registrations.status, ['lottery'])));
  if (rows.length === 0) return [];
  const kids = await db
    .select({ registrationId: registrationChildren.registrationId })
    .from(registrationChildren)
    .where(inArray(registrationChildren.registrationId, rows.map((r) => r.id)));
  const count = new Map<string, number>();
  for (const k of kids) count.set(k.registrationId, (count.get(k.registrationId) ?? 0) + 1);
  return rows.map((r) => ({ id: r.id, children: count.get(r.id) ?? 0, priority: r.kanspas || r.referralCode !== null }));
}

export async function runDraw(db: Db, activityId: string, now: Date, opts: { early?: boolean; publicOrigin: string }): Promise<DrawResult[]> {
  return db.transaction(async (tx) => {
    const rec = await loadActivity(tx, activityId, { lock: true });
    const a = rec.activity;
    if (a.mode !== 'lottery' || !a.drawSeed) throw new ApiError(409, 'not_a_lottery', 'This activity has no draw: registration is first come, first served.');
    if (a.drawnAt) throw new ApiError(409, 'already_drawn', `The draw already ran on ${a.drawnAt.toISOString()}. It runs only once.`);
    if (a.closesAt && now.getTime() < a.closesAt.getTime())
      throw new ApiError(409, 'window_still_open', 'The registration window is still open. Draw after it closes, so every family has the same chance.');
    if (!opts.early && a.drawAt && now.getTime() < a.drawAt.getTime()) throw new ApiError(409, 'draw_not_due', 'It is not time for the draw yet.');
    const entries = await entriesOf(tx, a.id);
    const results = allocateDraw({ seed: a.drawSeed, entries, rules: placeRules(a), taken: await occupancy(tx, a.id), now });
    for (const r of results) {
      if (r.outcome.status === 'confirmed') {
        await tx.update(registrations).set({ status: 'confirmed', queueRank: null, updatedAt: now }).where(eq(registrations.id, r.id));
        await paymentConfirmed(tx, r.id, rec.organisation.id, now);
        const kids = await tx.select({ id: registrationChildren.id }).from(registrationChildren).where(eq(registrationChildren.registrationId, r.id)).orderBy(asc(registrationChildren.position));
        for (const [i, k] of kids.entries()) await tx.update(registrationChildren).set({ placeKind: r.outcome.kinds[i]! }).where(eq(registrationChildren.id, k.id));
      } else {
        await tx.update(registrations).set({ status: 'waitlisted', queueRank: r.outcome.position, updatedAt: now }).where(eq(registrations.id, r.id));
      }
    }
    await tx.update(activities).set({ drawnAt: now, drawEntries: entries, updatedAt: now }).where(eq(activities.id, a.id));
    for (const r of results) {
      const outcome = r.outcome;
      await tellFamily(tx, 'draw-result', r.id, outcome.status === 'confirmed' ? { status: 'confirmed' } : { status: 'waitlisted', waitlistPosition: outcome.position }, { now, publicOrigin: opts.publicOrigin });
    }
    return results;
  });
}

/** Draws that are due: the scheduler runs them. */
export async function dueDraws(db: Db, now: Date): Promise<string[]> {
  const rows = await db
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.mode, 'lottery'), isNull(activities.drawnAt), isNull(activities.withdrawnAt), isNotNull(activities.drawAt), lte(activities.drawAt, now)));
  return rows.map((r) => r.id);
}

/** What anyone may see of a draw: the seed (before and after), the rule, and the order without names. */
export function publicDraw(rec: ActivityRecord): PublishedDraw {
  const a = rec.activity;
  if (a.mode !== 'lottery' || !a.drawSeed) throw new ApiError(404, 'draw_not_found', 'This activity has no draw.');
  const base = { activityId: a.id, title: a.title, seed: a.drawSeed, rule: DRAW_RULE, drawAt: a.drawAt?.toISOString() ?? null, drawnAt: a.drawnAt?.toISOString() ?? null, capacity: a.capacity, reservedPlaces: a.reservedPlaces, reservedUntil: a.reservedUntil?.toISOString() ?? null };
  if (!a.drawnAt) return { ...base, entries: [] };
  // Recomputed from the entries stored at the draw: what is published is exactly what the rule gives.
  const results = allocateDraw({ seed: a.drawSeed, entries: a.drawEntries ?? [], rules: placeRules(a), taken: { general: 0, reserved: 0 }, now: a.drawnAt });
  return {
    ...base,
    entries: results.map((r) => ({ id: r.id, rank: r.rank, ticket: r.ticket, children: r.children, priority: r.priority, outcome: r.outcome.status, waitlistPosition: r.outcome.status === 'waitlisted' ? r.outcome.position : null })),
  };
}

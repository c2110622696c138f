/**
 * The waiting list: when a place frees (a cancellation, reserved places released, capacity
 * raised), the first family on the list that fits gets an offer for a limited time. Accept
 * confirms; decline or expiry passes the place to the next family.
 */
import { randomBytes } from 'node:crypto';
import { mayUseReserved, offerExpiry, placeFamily, placesLeft, type RegistrationView } from '@instap/core';
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { offers, registrationChildren, registrations } from '../db/schema.js';
import { ApiError, notFound } from '../errors.js';
import { loadActivity, occupancy, placeRules, type ActivityRecord } from './activities.js';
import { tellFamily } from './family-messages.js';
import { paymentConfirmed } from './payments.js';
import { loadByToken, registrationView } from './registrations.js';

export type OfferRow = typeof offers.$inferSelect;

/** The first session still to come: offers close sooner when it is near. */
function nextStart(rec: ActivityRecord, now: Date): Date | null {
  return rec.sessions.find((s) => s.startsAt.getTime() > now.getTime())?.startsAt ?? null;
}

/**
 * Offers free places to the waiting list, in order, to each family that fits, while places are
 * left. Runs inside the transaction that holds the activity's lock.
 */
export async function offerFreePlaces(tx: Tx, rec: ActivityRecord, now: Date, ctx: { publicOrigin: string }): Promise<string[]> {
  if (rec.activity.withdrawnAt) return [];
  const waiting = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.activityId, rec.activity.id), eq(registrations.status, 'waitlisted')))
    .orderBy(asc(registrations.queueRank));
  const offered: string[] = [];
  let taken = await occupancy(tx, rec.activity.id);
  for (const family of waiting) {
    const left = placesLeft(placeRules(rec.activity), taken, now);
    if (left.placesLeft === 0) break;
    const children = await tx.select().from(registrationChildren).where(eq(registrationChildren.registrationId, family.id)).orderBy(asc(registrationChildren.position));
    const placement = placeFamily(left, children.length, mayUseReserved(family));
    if (!placement.placed) continue;
    // Families with e-mail get the offer at once; for phone-only families the offer starts when staff have called.
    const deadline = offerExpiry(now, rec.activity.offerHours, nextStart(rec, now));
    const expiresAt = family.contactEmail ? deadline : null;
    await tx.update(registrations).set({ status: 'offered', offerExpiresAt: expiresAt, updatedAt: now }).where(eq(registrations.id, family.id));
    for (const [i, child] of children.entries()) {
      await tx.update(registrationChildren).set({ placeKind: placement.kinds[i]! }).where(eq(registrationChildren.id, child.id));
    }
    await tx.insert(offers).values({ registrationId: family.id, token: randomBytes(24).toString('base64url'), createdAt: now, expiresAt });
    taken = { general: taken.general + placement.kinds.filter((k) => k === 'general').length, reserved: taken.reserved + placement.kinds.filter((k) => k === 'reserved').length };
    await tellFamily(tx, 'offer-made', family.id, { offerExpiresAt: deadline }, { now, publicOrigin: ctx.publicOrigin });
    offered.push(family.id);
  }
  return offered;
}

/** Locks the activity, then offers its free places: for cancellations, releases and capacity changes. */
export async function refillFromWaitlist(db: Db, activityId: string, now: Date, ctx: { publicOrigin: string }): Promise<string[]> {
  return db.transaction(async (tx) => offerFreePlaces(tx, await loadActivity(tx, activityId, { lock: true }), now, ctx));
}

export async function openOffer(db: Db | Tx, registrationId: string): Promise<OfferRow | null> {
  const [row] = await db
    .select()
    .from(offers)
    .where(and(eq(offers.registrationId, registrationId), isNull(offers.answeredAt)));
  return row ?? null;
}

/** The place goes back, and the registration leaves the list with the offer's outcome. */
async function closeOffer(tx: Tx, offer: OfferRow, outcome: 'declined' | 'expired' | 'withdrawn', now: Date) {
  await tx.update(offers).set({ answeredAt: now, outcome }).where(eq(offers.id, offer.id));
  await tx
    .update(registrations)
    .set({ status: 'cancelled', cancelledAt: now, updatedAt: now, queueRank: null, offerExpiresAt: null })
    .where(eq(registrations.id, offer.registrationId));
  await tx.update(registrationChildren).set({ placeKind: null }).where(eq(registrationChildren.registrationId, offer.registrationId));
}

async function lockedOffer(tx: Tx, token: string) {
  if (!token || token.length > 100) throw notFound('offer');
  const [peek] = await tx.select().from(offers).where(eq(offers.token, token));
  if (!peek) throw notFound('offer');
  const [reg] = await tx.select({ activityId: registrations.activityId }).from(registrations).where(eq(registrations.id, peek.registrationId));
  // Lock order everywhere: the activity first, then its rows.
  const rec = await loadActivity(tx, reg!.activityId, { lock: true });
  const [offer] = await tx.select().from(offers).where(eq(offers.id, peek.id)).for('update');
  return { rec, offer: offer! };
}

function assertOpen(offer: OfferRow, now: Date) {
  if (offer.answeredAt) {
    if (offer.outcome === 'expired') throw new ApiError(409, 'offer_expired', 'This offer has expired. Call the organisation if you still want a place.');
    throw new ApiError(409, 'offer_used', 'This offer was already answered.');
  }
  if (offer.expiresAt && offer.expiresAt.getTime() <= now.getTime())
    throw new ApiError(409, 'offer_expired', 'This offer has expired. Call the organisation if you still want a place.');
}

export async function acceptOffer(db: Db, token: string, now: Date): Promise<RegistrationView> {
  return db.transaction(async (tx) => {
    const { rec, offer } = await lockedOffer(tx, token);
    assertOpen(offer, now);
    await tx.update(offers).set({ answeredAt: now, outcome: 'accepted' }).where(eq(offers.id, offer.id));
    const [row] = await tx
      .update(registrations)
      .set({ status: 'confirmed', offerExpiresAt: null, queueRank: null, updatedAt: now })
      .where(eq(registrations.id, offer.registrationId))
      .returning();
    await paymentConfirmed(tx, row!.id, rec.organisation.id, now);
    return registrationView(tx, row!, now);
  });
}

export async function declineOffer(db: Db, token: string, now: Date, ctx: { publicOrigin: string }): Promise<RegistrationView> {
  return db.transaction(async (tx) => {
    const { rec, offer } = await lockedOffer(tx, token);
    assertOpen(offer, now);
    await closeOffer(tx, offer, 'declined', now);
    await offerFreePlaces(tx, rec, now, ctx);
    const [row] = await tx.select().from(registrations).where(eq(registrations.id, offer.registrationId));
    return registrationView(tx, row!, now);
  });
}

/** Offers past their time pass the place on. Safe with several processes: each runs under the activity's lock. */
export async function expireOffers(db: Db, now: Date, ctx: { publicOrigin: string }): Promise<number> {
  const due = await db
    .select({ id: offers.id, activityId: registrations.activityId })
    .from(offers)
    .innerJoin(registrations, eq(registrations.id, offers.registrationId))
    .where(and(isNull(offers.answeredAt), lte(offers.expiresAt, now)));
  let expired = 0;
  for (const d of due) {
    await db.transaction(async (tx) => {
      const rec = await loadActivity(tx, d.activityId, { lock: true });
      const [offer] = await tx.select().from(offers).where(eq(offers.id, d.id)).for('update');
      if (!offer || offer.answeredAt) return;
      await closeOffer(tx, offer, 'expired', now);
      await tellFamily(tx, 'offer-expired', offer.registrationId, {}, { now, publicOrigin: ctx.publicOrigin });
      await offerFreePlaces(tx, rec, now, ctx);
      expired++;
    });
  }
  return expired;
}

/** Staff phoned a family without e-mail: from now on the offer runs its time. */
export async function startOfferClock(tx: Tx, registrationId: string, now: Date): Promise<void> {
  const offer = await openOffer(tx, registrationId);
  if (!offer || offer.expiresAt) return;
  const [reg] = await tx.select({ activityId: registrations.activityId }).from(registrations).where(eq(registrations.id, registrationId));
  const rec = await loadActivity(tx, reg!.activityId);
  const expiresAt = offerExpiry(now, rec.activity.offerHours, nextStart(rec, now));
  await tx.update(offers).set({ expiresAt }).where(eq(offers.id, offer.id));
  await tx.update(registrations).set({ offerExpiresAt: expiresAt, updatedAt: now }).where(eq(registrations.id, registrationId));
}

/** A family (or staff on its behalf) cancels: the places go back and are offered to the waiting list. */
export async function cancelRegistration(db: Db, token: string, now: Date, ctx: { publicOrigin: string }): Promise<RegistrationView> {
  return db.transaction(async (tx) => {
    const peek = await loadByToken(tx, token);
    const rec = await loadActivity(tx, peek.activityId, { lock: true });
    const row = await loadByToken(tx, token, { lock: true });
    if (row.status === 'cancelled') return registrationView(tx, row, now);
    const updated = await cancelLocked(tx, row.id, now);
    await offerFreePlaces(tx, rec, now, ctx);
    return registrationView(tx, updated, now);
  });
}

/**
 * Cancels one registration inside a transaction that holds its activity's lock: the places go
 * back and an open offer is withdrawn. The caller offers the free places (once, after a batch).
 */
export async function cancelLocked(tx: Tx, registrationId: string, now: Date) {
  const [updated] = await tx
    .update(registrations)
    .set({ status: 'cancelled', cancelledAt: now, updatedAt: now, queueRank: null, offerExpiresAt: null })
    .where(eq(registrations.id, registrationId))
    .returning();
  await tx.update(registrationChildren).set({ placeKind: null }).where(eq(registrationChildren.registrationId, registrationId));
  const open = await openOffer(tx, registrationId);
  if (open) await tx.update(offers).set({ answeredAt: now, outcome: 'withdrawn' }).where(eq(offers.id, open.id));
  return updated!;
}

/** The tariff charter of a city, and what staff decide about a family's kanspas afterwards. */
import { priceFor, priceWithoutKanspasFrom, type TariffCharter } from '@instap/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { cities, registrationChildren, registrations } from '../db/schema.js';
import { notFound } from '../errors.js';
import { charterOf, isUuid, loadActivity, type ActivityRecord } from './activities.js';
import { tellFamily } from './family-messages.js';

export async function readCharter(db: Db, cityId: string) {
  const [city] = await db.select().from(cities).where(eq(cities.id, cityId));
  if (!city) throw notFound('city');
  return { city: city.slug, name: city.name, ...charterOf(city), updatedAt: city.updatedAt.toISOString() };
}

export async function writeCharter(db: Db, cityId: string, charter: TariffCharter, now: Date) {
  await db.update(cities).set({ ...charter, updatedAt: now }).where(eq(cities.id, cityId));
  return readCharter(db, cityId);
}

/**
 * Staff record what they found about a family's kanspas. The tick was trusted at registration;
 * `not-valid` never cancels anything: the standard price applies from now on, to the sessions to come.
 */
export async function setKanspasCheck(
  db: Db,
  registrationId: string,
  status: 'claimed' | 'verified' | 'not-valid',
  now: Date,
  authorise: (rec: ActivityRecord) => void,
  ctx: { publicOrigin: string },
) {
  if (!isUuid(registrationId)) throw notFound('registration');
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for('update');
    if (!row) throw notFound('registration');
    const rec = await loadActivity(tx, row.activityId);
    authorise(rec);
    if (!row.kanspas) return row;
    const children = await tx.select({ id: registrationChildren.id }).from(registrationChildren).where(eq(registrationChildren.registrationId, row.id));
    const basis = {
      standardCents: rec.activity.priceCents,
      kanspasCents: rec.activity.kanspasCents,
      charter: charterOf(rec.city),
      children: children.length,
      sessions: rec.sessions,
    };
    const price = status === 'not-valid' ? priceWithoutKanspasFrom(basis, row.createdAt, now) : priceFor({ ...basis, kanspas: true, now: row.createdAt });
    const [updated] = await tx
      .update(registrations)
      .set({ kanspasCheck: status, price, priceCents: price.totalCents, updatedAt: now })
      .where(eq(registrations.id, row.id))
      .returning();
    if (status === 'not-valid' && row.kanspasCheck !== 'not-valid')
      await tellFamily(tx, 'kanspas-not-valid', row.id, { newPriceCents: price.totalCents }, { now, publicOrigin: ctx.publicOrigin });
    return updated!;
  });
}

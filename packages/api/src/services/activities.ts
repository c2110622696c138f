/** Activities: reading them with their places and prices, creating, changing and withdrawing them. */
import {
  activityProblems,
  effectiveKanspasCents,
  placesLeft,
  pricesNow,
  registrationPhase,
  sessionsToCome,
  type ActivityData,
  type ActivityPatch,
  type Occupancy,
  type PublicActivity,
  type TariffCharter,
  type WindowRules,
  type Language,
} from '@instap/core';
import { activityFieldsSchema } from '@instap/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { activities, activitySessions, cities, organisations, registrationChildren, registrations, uitpasSettings } from '../db/schema.js';
import { ApiError, issuesFromZod, notFound, validationError } from '../errors.js';
import { newDrawSecret } from './draw-seed.js';

export type ActivityRow = typeof activities.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;
export type CityRow = typeof cities.$inferSelect;
export type SessionRow = typeof activitySessions.$inferSelect;

export interface ActivityRecord {
  activity: ActivityRow;
  sessions: SessionRow[];
  organisation: OrganisationRow;
  city: CityRow;
  /** The organisation checks kanspas numbers with UiTPAS: the widget may ask for one (never required). */
  uitpas: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

export function charterOf(city: CityRow): TariffCharter {
  return { kanspasDiscountPercent: city.kanspasDiscountPercent, siblingDiscountPercent: city.siblingDiscountPercent };
}

/** Loads an activity; with `lock`, the row is locked until the transaction ends (capacity decisions). */
/**
 * Loads an activity with its organisation, city and sessions in one round trip; with `lock`, the
 * activity row is locked until the transaction ends (capacity decisions), so the fewer trips
 * while it is held, the more families per second one hot activity takes.
 */
export async function loadActivity(db: Db | Tx, id: string, opts: { lock?: boolean } = {}): Promise<ActivityRecord> {
  if (!isUuid(id)) throw notFound('activity');
  const q = db
    .select({
      activity: activities,
      organisation: organisations,
      city: cities,
      uitpas: sql<boolean>`exists (select 1 from ${uitpasSettings} where ${uitpasSettings.organisationId} = ${organisations.id})`,
      sessions: sql<{ id: string; startsAt: string; endsAt: string }[]>`(
        select coalesce(json_agg(json_build_object('id', s.id, 'startsAt', s.starts_at, 'endsAt', s.ends_at) order by s.starts_at), '[]'::json)
        from ${activitySessions} s where s.activity_id = ${activities.id})`,
    })
    .from(activities)
    .innerJoin(organisations, eq(organisations.id, activities.organisationId))
    .innerJoin(cities, eq(cities.id, organisations.cityId))
    .where(eq(activities.id, id));
  const [row] = opts.lock ? await q.for('update', { of: activities }) : await q;
  if (!row) throw notFound('activity');
  const raw = typeof row.sessions === 'string' ? (JSON.parse(row.sessions) as typeof row.sessions) : row.sessions;
  const sessions = raw.map((x) => ({ id: x.id, activityId: id, startsAt: new Date(x.startsAt), endsAt: new Date(x.endsAt) }));
  return { activity: row.activity, sessions, organisation: row.organisation, city: row.city, uitpas: Boolean(row.uitpas) };
}

/** Places held by children of confirmed registrations and of open offers. */
export async function occupancy(db: Db | Tx, activityId: string): Promise<Occupancy> {
  const rows = await db
    .select({ kind: registrationChildren.placeKind, n: sql<number>`count(*)::int` })
    .from(registrationChildren)
    .innerJoin(registrations, eq(registrations.id, registrationChildren.registrationId))
    .where(and(eq(registrations.activityId, activityId), inArray(registrations.status, ['confirmed', 'offered'])))
    .groupBy(registrationChildren.placeKind);
  const taken: Occupancy = { general: 0, reserved: 0 };
  for (const r of rows) if (r.kind === 'reserved') taken.reserved += Number(r.n);
  else if (r.kind === 'general') taken.general += Number(r.n);
  return taken;
}

export function windowRules(rec: ActivityRecord): WindowRules {
  const a = rec.activity;
  return {
    mode: a.mode,
    opensAt: a.opensAt,
    closesAt: a.closesAt,
    drawAt: a.drawAt,
    lateJoinUntil: a.lateJoinUntil,
    sessions: rec.sessions,
    drawnAt: a.drawnAt,
    withdrawn: a.withdrawnAt !== null,
  };
}

export function placeRules(a: ActivityRow) {
  return { capacity: a.capacity, reservedPlaces: a.reservedPlaces, reservedUntil: a.reservedUntil };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The activity's texts in `language`, each falling back to Dutch where the service wrote none. */
function textsIn(a: ActivityRow, language: Language | undefined) {
  const own = language && language !== 'nl' ? a.translations[language] : undefined;
  const has = Boolean(own && (own.title || own.summary || own.location || own.whatToBring?.length));
  return {
    language: has ? language! : ('nl' as const),
    title: own?.title || a.title,
    summary: own?.summary || a.summary,
    location: own?.location || a.location,
    whatToBring: own?.whatToBring?.length ? own.whatToBring : a.whatToBring,
  };
}

export function toPublicActivity(rec: ActivityRecord, taken: Occupancy, now: Date, language?: Language): PublicActivity {
  const { activity: a, sessions, organisation: o } = rec;
  const charter = charterOf(rec.city);
  const left = placesLeft(placeRules(a), taken, now);
  const kanspasCents = effectiveKanspasCents(a.priceCents, charter, a.kanspasCents);
  // The widget shows these and adds them up, so the family sees exactly what it will pay.
  const prices = pricesNow({ standardCents: a.priceCents, kanspasCents: a.kanspasCents, charter, sessions, now });
  const texts = textsIn(a, language);
  return {
    id: a.id,
    language: texts.language,
    title: texts.title,
    summary: texts.summary,
    location: texts.location,
    kind: a.kind,
    ageMin: a.ageMin,
    ageMax: a.ageMax,
    sessions: sessions.map((s) => ({ startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
    sessionsToCome: sessionsToCome(sessions, now),
    capacity: a.capacity,
    placesLeft: left.placesLeft,
    reservedPlaces: a.reservedPlaces,
    reservedPlacesLeft: left.reservedLeft,
    reservedUntil: iso(a.reservedUntil),
    price: {
      standardCents: a.priceCents,
      kanspasCents,
      currency: 'EUR',
      ...prices,
      kanspasDiscountPercent: charter.kanspasDiscountPercent,
      siblingDiscountPercent: charter.siblingDiscountPercent,
    },
    registration: {
      opensAt: a.opensAt.toISOString(),
      closesAt: iso(a.closesAt),
      mode: a.mode,
      drawAt: iso(a.drawAt),
      lateJoinUntil: iso(a.lateJoinUntil),
      phase: registrationPhase(windowRules(rec), now),
    },
    whatToBring: texts.whatToBring,
    organisation: { slug: o.slug, name: o.name, phone: o.phone, email: o.email, uitpas: rec.uitpas },
  };
}

export async function readPublicActivity(db: Db, id: string, now: Date, language?: Language): Promise<PublicActivity> {
  const rec = await loadActivity(db, id);
  if (rec.activity.withdrawnAt) throw notFound('activity');
  return toPublicActivity(rec, await occupancy(db, id), now, language);
}

/** The stored row's fields as the contract's activity shape, so a PATCH can be merged and checked whole. */
export function activityData(rec: ActivityRecord): ActivityData {
  const a = rec.activity;
  return {
    title: a.title,
    summary: a.summary,
    location: a.location,
    kind: a.kind ?? undefined,
    ageMin: a.ageMin ?? undefined,
    ageMax: a.ageMax ?? undefined,
    sessions: rec.sessions.map((s) => ({ startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
    capacity: a.capacity,
    reservedPlaces: a.reservedPlaces,
    reservedUntil: iso(a.reservedUntil),
    priceCents: a.priceCents,
    kanspasCents: a.kanspasCents,
    registration: { opensAt: a.opensAt.toISOString(), closesAt: iso(a.closesAt), mode: a.mode, drawAt: iso(a.drawAt) },
    lateJoinUntil: iso(a.lateJoinUntil),
    whatToBring: a.whatToBring,
    offerHours: a.offerHours,
    translations: a.translations,
    uitdatabankEventId: a.uitdatabankEventId,
  };
}

const date = (v: string | null | undefined) => (v ? new Date(v) : null);

function columns(d: ActivityData) {
  return {
    title: d.title,
    summary: d.summary,
    location: d.location,
    kind: d.kind ?? null,
    ageMin: d.ageMin ?? null,
    ageMax: d.ageMax ?? null,
    capacity: d.capacity,
    reservedPlaces: d.reservedPlaces,
    reservedUntil: date(d.reservedUntil),
    priceCents: d.priceCents,
    kanspasCents: d.kanspasCents ?? null,
    mode: d.registration.mode,
    opensAt: new Date(d.registration.opensAt),
    closesAt: date(d.registration.closesAt),
    drawAt: date(d.registration.drawAt),
    lateJoinUntil: date(d.lateJoinUntil),
    whatToBring: d.whatToBring,
    offerHours: d.offerHours,
    translations: d.translations,
    uitdatabankEventId: d.uitdatabankEventId ?? null,
  };
}

/** Rules that need the city's charter: an activity cannot charge kanspas families more than the charter. */
function charterProblems(d: ActivityData, charter: TariffCharter) {
  const ceiling = effectiveKanspasCents(d.priceCents, charter, null);
  if (d.kanspasCents != null && d.kanspasCents > ceiling)
    return [{ path: 'kanspasCents', code: 'kanspas_price_above_charter', message: `The city's tariff charter allows a kanspas price of at most ${ceiling} cents.` }];
  return [];
}

function check(d: ActivityData, charter: TariffCharter) {
  const issues = [
    ...activityProblems(d).map((p) => ({ path: p.path.join('.'), message: p.message, code: p.code })),
    ...charterProblems(d, charter),
  ];
  if (issues.length) throw validationError(issues);
}

export async function createActivity(db: Db, organisation: OrganisationRow, d: ActivityData, now: Date, opts: { secretKey?: Buffer } = {}): Promise<string> {
  const [city] = await db.select().from(cities).where(eq(cities.id, organisation.cityId));
  check(d, charterOf(city!));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(activities)
      .values({ ...columns(d), ...(d.registration.mode === 'lottery' ? newDrawSecret(opts.secretKey) : {}), organisationId: organisation.id, createdAt: now, updatedAt: now })
      .returning({ id: activities.id });
    await tx.insert(activitySessions).values(d.sessions.map((s) => ({ activityId: row!.id, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) })));
    return row!.id;
  });
}

export async function patchActivity(db: Db, id: string, patch: ActivityPatch, now: Date, opts: { secretKey?: Buffer } = {}): Promise<void> {
  await db.transaction(async (tx) => {
    const rec = await loadActivity(tx, id, { lock: true });
    const current = activityData(rec);
    const merged = { ...current, ...patch, registration: { ...current.registration, ...(patch.registration ?? {}) } };
    const parsed = activityFieldsSchema.safeParse(merged);
    if (!parsed.success) throw validationError(issuesFromZod(parsed.error));
    const d = parsed.data;
    check(d, charterOf(rec.city));
    const taken = await occupancy(tx, id);
    if (d.capacity < taken.general + taken.reserved)
      throw new ApiError(409, 'capacity_below_taken', `${taken.general + taken.reserved} places are already taken. The capacity cannot go below that.`);
    if (rec.activity.drawnAt && (d.registration.mode !== rec.activity.mode || patch.registration?.drawAt !== undefined))
      throw new ApiError(409, 'already_drawn', 'The draw has run. Its mode and draw time can no longer change.');
    // A seed, once made, is never replaced: its commitment is public, so a new one would show.
    const seed = rec.activity.drawSeed === null && d.registration.mode === 'lottery' ? newDrawSecret(opts.secretKey) : {};
    await tx.update(activities).set({ ...columns(d), ...seed, updatedAt: now }).where(eq(activities.id, id));
    if (patch.sessions) {
      await tx.delete(activitySessions).where(eq(activitySessions.activityId, id));
      await tx.insert(activitySessions).values(d.sessions.map((s) => ({ activityId: id, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) })));
    }
  });
}

export async function withdrawActivity(db: Db, id: string, now: Date): Promise<void> {
  const rec = await loadActivity(db, id);
  if (rec.activity.withdrawnAt) return;
  await db.update(activities).set({ withdrawnAt: now, updatedAt: now }).where(eq(activities.id, id));
}

export async function organisationActivities(db: Db, organisationId: string, now: Date, opts: { includeClosed?: boolean; language?: Language } = {}) {
  const rows = await db
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.organisationId, organisationId), sql`${activities.withdrawnAt} is null`))
    .orderBy(asc(activities.opensAt));
  const out: PublicActivity[] = [];
  for (const { id } of rows) {
    const rec = await loadActivity(db, id);
    const pub = toPublicActivity(rec, await occupancy(db, id), now, opts.language);
    if (opts.includeClosed || pub.registration.phase !== 'closed') out.push(pub);
  }
  return out;
}

export async function organisationActivitiesBySlug(db: Db, slug: string, now: Date): Promise<PublicActivity[]> {
  const [org] = await db.select().from(organisations).where(eq(organisations.slug, slug));
  return org ? organisationActivities(db, org.id, now) : [];
}

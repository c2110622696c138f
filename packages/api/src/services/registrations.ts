/**
 * Registering a family. The capacity decision happens inside one transaction that locks the
 * activity row (SELECT … FOR UPDATE): two server processes on one PostgreSQL never oversell.
 */
import { randomBytes, createHash } from 'node:crypto';
import {
  addPlacement,
  childKeys,
  contactKeys,
  mayUseReserved,
  placeFamily,
  placesLeft,
  priceFor,
  registrationClockProblems,
  registrationPhase,
  type RegistrationCreated,
  type RegistrationData,
  type RegistrationView,
  type Language,
} from '@instap/core';
import { and, asc, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { idempotencyKeys, offers, registrationChildren, registrations } from '../db/schema.js';
import { registrationMarks } from '../db/schema-antibulk.js';
import { ApiError, notFound, validationError } from '../errors.js';
import { drawId } from '@instap/core';
import { markOf, type GuardKeys } from './proof.js';
import { tellFamily } from './family-messages.js';
import { openPayment, paymentOf } from './payments.js';
import { redeemReferral } from './referrals.js';
import { childUitpasNumber } from './uitpas-numbers.js';
import { uitpasNotes } from './uitpas-sales-view.js';
import { charterOf, loadActivity, occupancy, placeRules, toPublicActivity, windowRules, type ActivityRecord } from './activities.js';

export type RegistrationRow = typeof registrations.$inferSelect;

export const newToken = () => randomBytes(24).toString('base64url');

export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

function requestHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

/**
 * Runs `work` once per (scope, key). The key is claimed inside the transaction: a concurrent
 * request with the same key waits on the unique index until the first commits, then returns its
 * stored answer. Without a key, the work just runs.
 */
export async function idempotent<T>(
  db: Db,
  scope: string,
  key: string | undefined,
  body: unknown,
  now: Date,
  work: (tx: Tx) => Promise<{ status: number; body: T }>,
): Promise<IdempotentResult<T>> {
  if (!key) {
    const r = await db.transaction(work);
    return { ...r, replayed: false };
  }
  if (key.length > 200) throw new ApiError(400, 'idempotency_key_too_long', 'An Idempotency-Key has at most 200 characters.');
  const hash = requestHash(body);
  for (;;) {
    const outcome = await db.transaction(async (tx) => {
      const claimed = await tx
        .insert(idempotencyKeys)
        .values({ scope, key, requestHash: hash, createdAt: now })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (claimed.length === 0) return null;
      const r = await work(tx);
      await tx.update(idempotencyKeys).set({ responseStatus: r.status, responseBody: JSON.stringify(r.body) }).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
      return r;
    });
    if (outcome) return { ...outcome, replayed: false };
    const [stored] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (!stored) continue; // the first request rolled back: this one does the work
    if (stored.requestHash !== hash)
      throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request. Use a new key.');
    if (stored.responseStatus === null) continue;
    return { status: stored.responseStatus, body: JSON.parse(stored.responseBody ?? 'null') as T, replayed: true };
  }
}

/**
 * The answer already stored for this key and this body, if any: a retry after a lost answer gets
 * it back before any limit counts the retry (see services/bulk-guard.ts).
 */
export async function storedAnswer<T>(db: Db, scope: string, key: string | undefined, body: unknown): Promise<{ status: number; body: T } | null> {
  if (!key || key.length > 200) return null;
  const [stored] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  if (!stored || stored.responseStatus === null || stored.requestHash !== requestHash(body)) return null;
  return { status: stored.responseStatus, body: JSON.parse(stored.responseBody ?? 'null') as T };
}

export async function waitlistPosition(db: Db | Tx, row: Pick<RegistrationRow, 'activityId' | 'status' | 'queueRank'>): Promise<number | undefined> {
  if (row.status !== 'waitlisted' || row.queueRank === null) return undefined;
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(and(eq(registrations.activityId, row.activityId), eq(registrations.status, 'waitlisted'), lte(registrations.queueRank, row.queueRank)));
  return Number(r!.n);
}

/** The next place in the queue and the position it gives, in one read (the activity is locked). */
async function nextInQueue(tx: Tx, activityId: string): Promise<{ rank: number; position: number }> {
  const [r] = await tx
    .select({
      max: sql<number | null>`max(${registrations.queueRank})`,
      waiting: sql<number>`count(*) filter (where ${registrations.status} = 'waitlisted')::int`,
    })
    .from(registrations)
    .where(eq(registrations.activityId, activityId));
  return { rank: Number(r?.max ?? 0) + 1, position: Number(r?.waiting ?? 0) + 1 };
}

export function phaseError(phase: string, rec: ActivityRecord): ApiError {
  const phone = rec.organisation.phone;
  if (phase === 'not-open')
    return new ApiError(409, 'registration_not_open', `Registration opens on ${rec.activity.opensAt.toISOString()}. Call ${phone} with questions.`);
  if (phase === 'awaiting-draw')
    return new ApiError(409, 'registration_awaiting_draw', `The window is closed and the draw is coming. Call ${phone} with questions.`);
  return new ApiError(409, 'registration_closed', `Registration is closed. Call ${phone} to ask about a place.`);
}

/** Registers the children of one family: confirmed, waitlisted, or entered in the draw. */
export async function register(
  tx: Tx,
  activityId: string,
  input: RegistrationData,
  now: Date,
  /** Where the family's link points; without it no message is written (demo data). */
  messages?: { publicOrigin: string },
  /**
   * Keys for the registration's marks, and where it came from (the widget's route only):
   * without keys nothing is checked for a second registration of the same child (demo data).
   */
  bulk?: { keys: GuardKeys; addressMark?: string },
): Promise<RegistrationCreated> {
  const clockIssues = registrationClockProblems(input, now);
  if (clockIssues.length) throw validationError(clockIssues.map((p) => ({ path: p.path.join('.'), message: p.message, code: p.code })));
  const rec = await loadActivity(tx, activityId, { lock: true });
  if (rec.activity.withdrawnAt) throw notFound('activity');
  const phase = registrationPhase(windowRules(rec), now);
  if (phase !== 'first-come' && phase !== 'lottery') throw phaseError(phase, rec);

  const marks = bulk ? marksFor(bulk, input) : [];
  // Under the activity's lock: a second request for the same child waits for the first to commit, then sees it.
  await refuseSecondPlace(tx, rec, marks);

  const referralCode = await redeemReferral(tx, input.referralCode, rec, now);
  const n = input.children.length;
  let status: RegistrationCreated['status'];
  let kinds: ('general' | 'reserved' | null)[] = Array(n).fill(null);
  let queueRank: number | null = null;
  let position: number | undefined;
  let taken = phase === 'lottery' ? undefined : await occupancy(tx, activityId);
  if (!taken) {
    status = 'lottery';
  } else {
    const left = placesLeft(placeRules(rec.activity), taken, now);
    const placement = placeFamily(left, n, mayUseReserved({ kanspas: input.kanspas, referralCode }));
    if (placement.placed) {
      status = 'confirmed';
      kinds = placement.kinds;
      taken = addPlacement(taken, placement.kinds);
    } else {
      status = 'waitlisted';
      ({ rank: queueRank, position } = await nextInQueue(tx, activityId));
    }
  }
  const price = priceFor({
    standardCents: rec.activity.priceCents,
    kanspasCents: rec.activity.kanspasCents,
    charter: charterOf(rec.city),
    kanspas: input.kanspas,
    children: n,
    sessions: rec.sessions,
    now,
  });
  const token = newToken();
  const [row] = await tx
    .insert(registrations)
    .values({
      activityId,
      token,
      status,
      queueRank,
      contactName: input.contact.name,
      contactPhone: input.contact.phone || null,
      contactEmail: input.contact.email || null,
      kanspas: input.kanspas,
      kanspasCheck: input.kanspas ? 'claimed' : 'none',
      language: input.language,
      referralCode,
      uitpasNumber: input.kanspas && input.uitpasNumber ? input.uitpasNumber : null,
      priceCents: price.totalCents,
      price,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await tx.insert(registrationChildren).values(
    input.children.map((c, i) => ({ registrationId: row!.id, position: i, firstName: c.firstName, birthYear: c.birthYear, placeKind: kinds[i], uitpasNumber: childUitpasNumber(input, i) })),
  );
  const payment = await openPayment(tx, row!, rec, now, messages?.publicOrigin);
  if (marks.length) await tx.insert(registrationMarks).values(marks.map((m) => ({ ...m, registrationId: row!.id, activityId })));
  if (messages) {
    const ctx = { now, publicOrigin: messages.publicOrigin };
    const known = { rec, row: row!, taken: taken ?? { general: 0, reserved: 0 }, children: input.children.map((c) => c.firstName), payment };
    if (status === 'confirmed') await tellFamily(tx, 'registration-confirmed', row!.id, {}, ctx, known);
    else if (status === 'waitlisted') await tellFamily(tx, 'registration-waitlisted', row!.id, { waitlistPosition: position ?? 0 }, ctx, known);
    else await tellFamily(tx, 'registration-lottery', row!.id, { drawAt: rec.activity.drawAt ?? rec.activity.closesAt ?? now }, ctx, known);
  }
  return { id: row!.id, token, status, ...(position !== undefined ? { waitlistPosition: position } : {}), price, payment };
}

type Mark = { kind: 'address' | 'contact' | 'child'; mark: string };

/** Keyed hashes that recognise this family again without naming it: its address, each contact channel, each child. */
function marksFor(bulk: { keys: GuardKeys; addressMark?: string }, input: RegistrationData): Mark[] {
  const unique = (kind: Mark['kind'], values: string[]) => [...new Set(values)].map((v) => ({ kind, mark: markOf(bulk.keys, v) }));
  return [
    ...(bulk.addressMark ? [{ kind: 'address' as const, mark: bulk.addressMark }] : []),
    ...unique('contact', contactKeys(input.contact)),
    ...unique('child', input.children.flatMap((c) => childKeys(input.contact, c))),
  ];
}

/**
 * The same phone or e-mail for the same child (first name and birth year, without case, accents
 * or spaces) on the same activity: a clear 409, never a second place, and never the first
 * registration's private link either (anyone who knows a family's phone number and a child's
 * name would get it). The family's link is in the message it got; the organisation can help.
 * Cancelled registrations do not count.
 */
async function refuseSecondPlace(tx: Tx, rec: ActivityRecord, marks: Mark[]) {
  const children = marks.filter((m) => m.kind === 'child').map((m) => m.mark);
  if (!children.length) return;
  const [again] = await tx
    .select({ id: registrationMarks.registrationId })
    .from(registrationMarks)
    .innerJoin(registrations, eq(registrations.id, registrationMarks.registrationId))
    .where(
      and(
        eq(registrationMarks.activityId, rec.activity.id),
        eq(registrationMarks.kind, 'child'),
        inArray(registrationMarks.mark, children),
        ne(registrations.status, 'cancelled'),
      ),
    )
    .limit(1);
  if (again)
    throw new ApiError(
      409,
      'already_registered',
      `This child is already registered for this activity. The family got a message with its private link. Call ${rec.organisation.phone} if it is lost.`,
    );
}

export async function loadByToken(db: Db | Tx, token: string, opts: { lock?: boolean } = {}): Promise<RegistrationRow> {
  if (!token || token.length > 100) throw notFound('registration');
  const q = db.select().from(registrations).where(eq(registrations.token, token));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw notFound('registration');
  return row;
}

export async function childrenOf(db: Db | Tx, registrationId: string) {
  return db.select().from(registrationChildren).where(eq(registrationChildren.registrationId, registrationId)).orderBy(asc(registrationChildren.position));
}

export async function registrationView(db: Db | Tx, row: RegistrationRow, now: Date, opts: { publicOrigin?: string } = {}): Promise<RegistrationView> {
  const rec = await loadActivity(db, row.activityId);
  const [children, taken, position, [offer], payment, uitpas] = await Promise.all([
    childrenOf(db, row.id),
    occupancy(db, row.activityId),
    waitlistPosition(db, row),
    db.select().from(offers).where(and(eq(offers.registrationId, row.id), isNull(offers.answeredAt))),
    paymentOf(db, row, now, { rec, publicOrigin: opts.publicOrigin }),
    uitpasNotes(db, row.id, row.price),
  ]);
  return {
    id: row.id,
    status: row.status,
    ...(position !== undefined ? { waitlistPosition: position } : {}),
    offerExpiresAt: row.offerExpiresAt ? row.offerExpiresAt.toISOString() : null,
    offer: offer && row.status === 'offered' ? { token: offer.token, expiresAt: offer.expiresAt ? offer.expiresAt.toISOString() : null } : null,
    createdAt: row.createdAt.toISOString(),
    language: row.language as RegistrationView['language'],
    kanspas: row.kanspas,
    kanspasCheck: row.kanspasCheck,
    children: children.map((c) => ({ firstName: c.firstName, birthYear: c.birthYear, ...(uitpas.has(c.position) ? { uitpas: uitpas.get(c.position)! } : {}) })),
    contact: { name: row.contactName, phone: row.contactPhone, email: row.contactEmail },
    price: row.price,
    payment,
    activity: toPublicActivity(rec, taken, now, row.language as Language),
    // Only a registration that is (or was) in the draw has a line in it.
    drawId: rec.activity.mode === 'lottery' && (row.status === 'lottery' || (rec.activity.drawEntries ?? []).some((e) => e.id === row.id)) ? drawId(row.id) : null,
  };
}

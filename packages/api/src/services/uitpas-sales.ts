/**
 * UiTPAS ticket sales, so the club is reimbursed for every kansentarief. A durable queue in
 * `uitpas_sales`, worked by the scheduler and never by a family's request:
 *
 * - `syncUitpasSales` makes a row `to-register` for every confirmed kanspas child with a UiTPAS
 *   number, of an activity with a UiTdatabank event id, of an organisation connected to UiTPAS
 *   (however it got confirmed: directly, by the draw, by an accepted offer); and turns a sale
 *   whose registration was cancelled, expired or found not valid `to-cancel`. Reading the state
 *   instead of hooking every path means no way of cancelling can forget the sale.
 * - `processUitpasSales` claims due rows (`for update skip locked`, then a lease), so several
 *   server processes never work on one row at once, and talks to UiTPAS outside any transaction.
 *   UiTPAS's POST is not idempotent: a row is `uncertain` from the moment it is sent until a
 *   clear answer comes back, and an uncertain row first looks for its sale (`GET /ticket-sales`)
 *   before it sends again. A registration is never changed by any of this.
 */
import { uitpasRegularPriceCents, type PriceBreakdown } from '@instap/core';
import { and, eq, inArray, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import { activities, cities, organisations, registrationChildren, registrations, uitpasSettings } from '../db/schema.js';
import { uitpasSales } from '../db/schema-uitpas.js';
import type { UitpasConfig } from '../uitpas/http.js';
import { createTicketSalesClient, type TicketSalesClient, type UitpasFailure } from '../uitpas/ticket-sales.js';
import { ApiError, notFound } from '../errors.js';
import { unseal } from './secrets.js';

export type TicketSalesClientFactory = (config: UitpasConfig) => TicketSalesClient;
export type SaleRow = typeof uitpasSales.$inferSelect;

/** A sale UiTPAS does not answer for is tried this many times (with growing pauses), then waits for staff. */
export const MAX_SALE_ATTEMPTS = 10;
const LEASE_MS = 2 * 60_000;

/** 1 min, 2 min, 4 min … at most 6 hours between attempts. */
export function nextAttemptAt(now: Date, attempts: number): Date {
  const ms = Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
  return new Date(now.getTime() + ms);
}

/** Makes the rows that are missing and marks the sales that must go. Returns how many rows changed. */
export async function syncUitpasSales(db: Db, now: Date, opts: { activityId?: string; limit?: number } = {}): Promise<number> {
  const wanted = await db
    .select({
      childId: registrationChildren.id,
      position: registrationChildren.position,
      registrationId: registrations.id,
      price: registrations.price,
      activityId: activities.id,
      organisationId: activities.organisationId,
      eventId: activities.uitdatabankEventId,
      standardCents: activities.priceCents,
      kanspasDiscountPercent: cities.kanspasDiscountPercent,
      siblingDiscountPercent: cities.siblingDiscountPercent,
    })
    .from(registrationChildren)
    .innerJoin(registrations, eq(registrations.id, registrationChildren.registrationId))
    .innerJoin(activities, eq(activities.id, registrations.activityId))
    .innerJoin(uitpasSettings, eq(uitpasSettings.organisationId, activities.organisationId))
    .innerJoin(organisations, eq(organisations.id, activities.organisationId))
    .innerJoin(cities, eq(cities.id, organisations.cityId))
    .where(
      and(
        eq(registrations.status, 'confirmed'),
        eq(registrations.kanspas, true),
        ne(registrations.kanspasCheck, 'not-valid'),
        isNull(registrations.anonymisedAt),
        isNotNull(registrationChildren.uitpasNumber),
        isNotNull(activities.uitdatabankEventId),
        isNull(activities.withdrawnAt),
        opts.activityId ? eq(activities.id, opts.activityId) : undefined,
        sql`not exists (select 1 from ${uitpasSales} where ${uitpasSales.childId} = ${registrationChildren.id})`,
      ),
    )
    .limit(opts.limit ?? 500);
  let changed = 0;
  if (wanted.length) {
    const made = await db
      .insert(uitpasSales)
      .values(
        wanted.map((w) => ({
          organisationId: w.organisationId,
          activityId: w.activityId,
          registrationId: w.registrationId,
          childId: w.childId,
          status: 'to-register' as const,
          eventId: w.eventId!,
          regularPriceCents: uitpasRegularPriceCents(w.standardCents, { kanspasDiscountPercent: w.kanspasDiscountPercent, siblingDiscountPercent: w.siblingDiscountPercent }, w.price as PriceBreakdown, w.position),
          nextAttemptAt: now,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing({ target: uitpasSales.childId })
      .returning({ id: uitpasSales.id });
    changed += made.length;
  }
  // A sale that may exist at UiTPAS is cancelled there; one that never left is simply closed.
  // A failed cancel waits for staff (retry), so it is not picked up again here.
  const gone = await db.execute(sql`
    update ${uitpasSales} set
      status = case when ${uitpasSales.ticketSaleId} is not null or ${uitpasSales.uncertainSince} is not null then 'to-cancel' else 'cancelled' end,
      cancelled_at = case when ${uitpasSales.ticketSaleId} is not null or ${uitpasSales.uncertainSince} is not null then null else ${now.toISOString()}::timestamptz end,
      attempts = 0, next_attempt_at = ${now.toISOString()}::timestamptz, problem_code = null, updated_at = ${now.toISOString()}::timestamptz
    from ${registrations}, ${activities}, ${registrationChildren}
    where ${registrations.id} = ${uitpasSales.registrationId} and ${activities.id} = ${uitpasSales.activityId} and ${registrationChildren.id} = ${uitpasSales.childId}
      ${opts.activityId ? sql`and ${uitpasSales.activityId} = ${opts.activityId}` : sql``}
      and (${uitpasSales.status} in ('to-register', 'registered')
        or (${uitpasSales.status} = 'failed' and ${uitpasSales.ticketSaleId} is null and ${uitpasSales.uncertainSince} is null))
      and ${registrations.anonymisedAt} is null
      and (${registrations.status} <> 'confirmed' or not ${registrations.kanspas} or ${registrations.kanspasCheck} = 'not-valid'
        or ${registrationChildren.uitpasNumber} is null or ${activities.withdrawnAt} is not null)
    returning ${uitpasSales.id}`);
  changed += rowsOf(gone).length;
  return changed;
}

/** postgres.js answers an array, PGlite an object with `rows`. */
function rowsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) return result;
  return ((result as { rows?: unknown[] }).rows ?? []) as unknown[];
}

interface Claimed {
  row: SaleRow;
  lease: string;
  /** Sent before without a clear answer: look for the sale first. */
  wasUncertain: boolean;
}

/** Claims up to `limit` due rows for this process: locked while claimed, then held by a lease. */
async function claim(db: Db, now: Date, limit: number, activityId?: string): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(uitpasSales)
      .where(
        and(
          inArray(uitpasSales.status, ['to-register', 'to-cancel']),
          or(isNull(uitpasSales.nextAttemptAt), lte(uitpasSales.nextAttemptAt, now)),
          or(isNull(uitpasSales.leaseUntil), lte(uitpasSales.leaseUntil, now)),
          activityId ? eq(uitpasSales.activityId, activityId) : undefined,
        ),
      )
      .orderBy(uitpasSales.nextAttemptAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    const out: Claimed[] = [];
    for (const row of due) {
      const lease = randomUUID();
      // Before a POST leaves, the row is uncertain: if this process dies, the next one looks first.
      const uncertainSince = row.status === 'to-register' ? (row.uncertainSince ?? now) : row.uncertainSince;
      await tx
        .update(uitpasSales)
        .set({ leaseId: lease, leaseUntil: new Date(now.getTime() + LEASE_MS), attempts: row.attempts + 1, uncertainSince, updatedAt: now })
        .where(eq(uitpasSales.id, row.id));
      out.push({ row: { ...row, attempts: row.attempts + 1 }, lease, wasUncertain: row.uncertainSince !== null });
    }
    return out;
  });
}

type Outcome = Partial<Pick<SaleRow, 'status' | 'tariffId' | 'tariffPriceCents' | 'endUserMessage' | 'ticketSaleId' | 'uncertainSince' | 'problemCode' | 'registeredAt' | 'cancelledAt' | 'nextAttemptAt'>>;

/** Writes a result, only while this process still holds the row's lease. */
async function settle(db: Db, c: Claimed, now: Date, outcome: Outcome) {
  await db
    .update(uitpasSales)
    .set({ ...outcome, leaseId: null, leaseUntil: null, updatedAt: now })
    .where(and(eq(uitpasSales.id, c.row.id), eq(uitpasSales.leaseId, c.lease)));
}

/** No answer: try again later, or after enough attempts wait for staff. */
function later(c: Claimed, now: Date, f: Extract<UitpasFailure, { kind: 'unavailable' }>, uncertainSince: Date | null): Outcome {
  if (c.row.attempts >= MAX_SALE_ATTEMPTS) return { status: 'failed', problemCode: 'unavailable', uncertainSince, nextAttemptAt: null };
  return { problemCode: 'unavailable', uncertainSince, nextAttemptAt: nextAttemptAt(now, c.row.attempts) };
}

function refused(f: Extract<UitpasFailure, { kind: 'refused' }>, extra: Outcome = {}): Outcome {
  return { status: 'failed', problemCode: f.code, endUserMessage: f.endUserMessage, nextAttemptAt: null, ...extra };
}

/** A sale at UiTPAS for this pass that no other row of Instap holds: the one whose answer was lost. */
async function findLostSale(db: Db, client: TicketSalesClient, c: Claimed, uitpasNumber: string) {
  const found = await client.sales(c.row.eventId);
  if (!found.ok) return found;
  const known = await db
    .select({ id: uitpasSales.ticketSaleId })
    .from(uitpasSales)
    .where(and(eq(uitpasSales.eventId, c.row.eventId), isNotNull(uitpasSales.ticketSaleId)));
  const taken = new Set(known.map((k) => k.id));
  const sale = found.sales.find((s) => s.uitpasNumber === uitpasNumber && !taken.has(s.id));
  return { ok: true as const, sale: sale ?? null };
}

async function registerOne(db: Db, client: TicketSalesClient, c: Claimed, uitpasNumber: string, now: Date): Promise<Outcome> {
  if (c.wasUncertain) {
    const lost = await findLostSale(db, client, c, uitpasNumber);
    if (!lost.ok) return lost.kind === 'refused' ? refused(lost, { uncertainSince: c.row.uncertainSince }) : later(c, now, lost, c.row.uncertainSince);
    if (lost.sale) return { status: 'registered', ticketSaleId: lost.sale.id, uncertainSince: null, problemCode: null, registeredAt: now, nextAttemptAt: null };
  }
  const tariffs = await client.tariffs({ uitpasNumber, eventId: c.row.eventId, regularPriceCents: c.row.regularPriceCents });
  if (!tariffs.ok) return tariffs.kind === 'refused' ? refused(tariffs, { uncertainSince: null }) : later(c, now, tariffs, null);
  const social = tariffs.available.find((t) => t.type === 'SOCIALTARIFF');
  if (!social) return { status: 'failed', problemCode: 'no-social-tariff', endUserMessage: tariffs.endUserMessage, uncertainSince: null, nextAttemptAt: null };
  const found = { tariffId: social.id, tariffPriceCents: social.priceCents, endUserMessage: tariffs.endUserMessage };
  const sale = await client.register({ uitpasNumber, eventId: c.row.eventId, regularPriceCents: c.row.regularPriceCents, tariffId: social.id });
  if (sale.ok) return { ...found, status: 'registered', ticketSaleId: sale.ticketSaleId, tariffPriceCents: sale.tariffPriceCents ?? social.priceCents, uncertainSince: null, problemCode: null, registeredAt: now, nextAttemptAt: null };
  if (sale.kind === 'refused') return { ...found, ...refused(sale, { uncertainSince: null, endUserMessage: sale.endUserMessage ?? tariffs.endUserMessage }) };
  return { ...found, ...later(c, now, sale, sale.uncertain ? (c.row.uncertainSince ?? now) : null) };
}

async function cancelOne(db: Db, client: TicketSalesClient, c: Claimed, uitpasNumber: string | null, now: Date): Promise<Outcome> {
  let ticketSaleId = c.row.ticketSaleId;
  if (!ticketSaleId && c.row.uncertainSince) {
    if (!uitpasNumber) return { status: 'cancelled', uncertainSince: null, cancelledAt: now, problemCode: null, nextAttemptAt: null };
    const lost = await findLostSale(db, client, c, uitpasNumber);
    if (!lost.ok) return lost.kind === 'refused' ? refused(lost) : later(c, now, lost, c.row.uncertainSince);
    if (!lost.sale) return { status: 'cancelled', uncertainSince: null, cancelledAt: now, problemCode: null, nextAttemptAt: null };
    ticketSaleId = lost.sale.id;
  }
  if (!ticketSaleId) return { status: 'cancelled', uncertainSince: null, cancelledAt: now, problemCode: null, nextAttemptAt: null };
  const done = await client.cancel(ticketSaleId);
  if (done.ok) return { status: 'cancelled', ticketSaleId, uncertainSince: null, cancelledAt: now, problemCode: null, nextAttemptAt: null };
  if (done.kind === 'refused') return refused(done, { ticketSaleId });
  return { ticketSaleId, ...later(c, now, done, c.row.uncertainSince) };
}

export interface SalesReport {
  registered: number;
  cancelled: number;
  failed: number;
  waiting: number;
}

/** Works through the due rows: register or cancel each with UiTPAS, one at a time. */
export async function processUitpasSales(
  db: Db,
  now: Date,
  opts: { makeClient?: TicketSalesClientFactory; secretKey?: Buffer; limit?: number; activityId?: string } = {},
): Promise<SalesReport> {
  const report: SalesReport = { registered: 0, cancelled: 0, failed: 0, waiting: 0 };
  const claimed = await claim(db, now, opts.limit ?? 25, opts.activityId);
  if (!claimed.length) return report;
  const makeClient = opts.makeClient ?? createTicketSalesClient;
  const clients = new Map<string, TicketSalesClient | null>();
  for (const c of claimed) {
    let client = clients.get(c.row.organisationId);
    if (client === undefined) {
      const [s] = await db.select().from(uitpasSettings).where(eq(uitpasSettings.organisationId, c.row.organisationId));
      client = null;
      if (s) {
        try {
          client = makeClient({ clientId: s.clientId, clientSecret: unseal(s.clientSecret, opts.secretKey), environment: s.environment, apiBase: s.apiBase ?? undefined, tokenUrl: s.tokenUrl ?? undefined });
        } catch (e) {
          // A sealed secret without its key: nothing can be sent; the rows wait.
          console.warn(`UiTPAS sales skipped: ${(e as Error).message}`);
        }
      }
      clients.set(c.row.organisationId, client);
    }
    if (!client) {
      await settle(db, c, now, { attempts: c.row.attempts - 1, nextAttemptAt: nextAttemptAt(now, 1) } as Outcome);
      report.waiting++;
      continue;
    }
    const [child] = await db.select({ uitpasNumber: registrationChildren.uitpasNumber }).from(registrationChildren).where(eq(registrationChildren.id, c.row.childId));
    const number = child?.uitpasNumber ?? null;
    let outcome: Outcome;
    if (c.row.status === 'to-register') {
      outcome = number ? await registerOne(db, client, c, number, now) : { status: 'failed', problemCode: 'no-number', uncertainSince: null, nextAttemptAt: null };
    } else {
      outcome = await cancelOne(db, client, c, number, now);
    }
    await settle(db, c, now, outcome);
    if (outcome.status === 'registered') report.registered++;
    else if (outcome.status === 'cancelled') report.cancelled++;
    else if (outcome.status === 'failed') report.failed++;
    else report.waiting++;
  }
  return report;
}

/** One scheduler step: bring the queue in line with the registrations, then work it. */
export async function runUitpasSales(db: Db, now: Date, opts: { makeClient?: TicketSalesClientFactory; secretKey?: Buffer } = {}): Promise<SalesReport> {
  await syncUitpasSales(db, now);
  return processUitpasSales(db, now, opts);
}

/**
 * Staff press "opnieuw proberen": what failed or waits is due now with fresh attempts, and this
 * activity's rows are worked at once (at most `limit`; the scheduler takes the rest).
 */
export async function retryUitpasSales(db: Db, activityId: string, now: Date, opts: { makeClient?: TicketSalesClientFactory; secretKey?: Buffer; limit?: number } = {}): Promise<SalesReport> {
  await db
    .update(uitpasSales)
    .set({
      status: sql`case when ${uitpasSales.status} = 'failed' then (case when ${uitpasSales.ticketSaleId} is not null then 'to-cancel' else 'to-register' end) else ${uitpasSales.status} end`,
      attempts: 0,
      nextAttemptAt: now,
      problemCode: null,
      updatedAt: now,
    })
    .where(and(eq(uitpasSales.activityId, activityId), inArray(uitpasSales.status, ['failed', 'to-register', 'to-cancel'])));
  await syncUitpasSales(db, now, { activityId });
  return processUitpasSales(db, now, { ...opts, activityId, limit: opts.limit ?? 10 });
}

/**
 * Staff correct a child's UiTPAS number (the family read it out on the phone). Allowed while no
 * sale is registered or on its way with the old number; a refused sale is then due again.
 */
export async function setChildUitpasNumber(db: Db, registrationId: string, position: number, uitpasNumber: string | null, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [reg] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for('update');
    if (!reg) throw notFound('registration');
    if (!reg.kanspas) throw new ApiError(409, 'no_kanspas', 'This registration has no kanspas: a UiTPAS number is only kept for the kansentarief.');
    const [child] = await tx.select().from(registrationChildren).where(and(eq(registrationChildren.registrationId, registrationId), eq(registrationChildren.position, position)));
    if (!child) throw notFound('child');
    const [sale] = await tx.select().from(uitpasSales).where(eq(uitpasSales.childId, child.id)).for('update');
    if (sale && (sale.ticketSaleId || sale.uncertainSince || sale.status === 'registered' || sale.status === 'to-cancel' || (sale.leaseUntil && sale.leaseUntil > now)))
      throw new ApiError(409, 'sale_registered', 'A sale with the old number is registered or on its way at UiTPAS. It is cancelled first when the registration is cancelled.');
    await tx.update(registrationChildren).set({ uitpasNumber }).where(eq(registrationChildren.id, child.id));
    // A fresh start: the old answer was about the old number.
    if (sale) await tx.delete(uitpasSales).where(eq(uitpasSales.id, sale.id));
  });
}

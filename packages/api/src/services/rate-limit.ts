/**
 * Brakes on repeated requests (sign-in attempts, sign-in links, appointment requests), counted in
 * the database so the limit holds across every server process.
 *
 * A hit is counted before the work, by one atomic upsert per key (insert … on conflict do update
 * … returning): N parallel requests get the counts 1..N, so exactly `max` of them pass, on PGlite
 * and on PostgreSQL. Windows are fixed and aligned to their length (a 15-minute window starts at
 * :00, :15, :30, :45), so one row per key and window holds the count.
 */
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Deps } from '../context.js';
import type { Db, Tx } from '../db/client.js';
import { rateCounters } from '../db/schema-limits.js';
import { ApiError } from '../errors.js';

const windowStartOf = (now: Date, windowMs: number) => new Date(Math.floor(now.getTime() / windowMs) * windowMs);

/** Counts one hit for `key` in the current window, atomically, and returns the count including this hit. */
export async function countHit(db: Db | Tx, key: string, now: Date, windowMs: number): Promise<number> {
  const counts = await upsertHits(db, [key], now, windowMs);
  await prune(db, now);
  return counts.get(key)!;
}

/**
 * Counts a hit on every key before the work; refused when any key is past its max. N parallel
 * calls let exactly max through. A refused call counts on no key (its transaction rolls back):
 * a guesser stopped by the tight key of one account and address does not spend the looser keys
 * that the account's owner needs from elsewhere.
 */
export async function takeHits(
  db: Db | Tx,
  keys: { key: string; max: number }[],
  now: Date,
  windowMs: number,
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  if (keys.length === 0) return { ok: true };
  const max = new Map<string, number>();
  for (const k of keys) max.set(k.key, Math.min(k.max, max.get(k.key) ?? Infinity));
  const refused = new Error('refused');
  try {
    // The upsert locks each counter row until the transaction ends, so parallel calls on one key
    // take turns: each sees the count the previous one committed (or rolled back).
    await db.transaction(async (tx) => {
      const counts = await upsertHits(tx, [...max.keys()], now, windowMs);
      if ([...max].some(([key, m]) => counts.get(key)! > m)) throw refused;
    });
  } catch (err) {
    if (err !== refused) throw err;
    const end = windowStartOf(now, windowMs).getTime() + windowMs;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((end - now.getTime()) / 1000)) };
  }
  await prune(db, now);
  return { ok: true };
}

/**
 * `takeHits`, answering a refusal as 429 `too_many_requests` with Retry-After. `message` gets the
 * wait in whole minutes, so the person reads how long, not a number of seconds.
 */
export async function requireHits(db: Db | Tx, keys: { key: string; max: number }[], now: Date, windowMs: number, message: (minutes: number) => string) {
  const taken = await takeHits(db, keys, now, windowMs);
  if (!taken.ok) {
    const minutes = Math.max(1, Math.ceil(taken.retryAfterSeconds / 60));
    throw new ApiError(429, 'too_many_requests', message(minutes), undefined, { 'Retry-After': String(taken.retryAfterSeconds) });
  }
}

/**
 * Gives back the hit a request took on `keys` in the current window, when the work turned out to
 * be no attempt worth counting (a right password): 50 colleagues signing in behind one office
 * address do not use up that address's limit.
 */
export async function refundHits(db: Db | Tx, keys: string[], now: Date, windowMs: number) {
  if (keys.length === 0) return;
  await db
    .update(rateCounters)
    .set({ hits: sql`greatest(${rateCounters.hits} - 1, 0)` })
    .where(and(inArray(rateCounters.key, keys), eq(rateCounters.windowStart, windowStartOf(now, windowMs))));
}

/** Forgets the hits of a key (after a sign-in with the right password). */
export async function clearHits(db: Db | Tx, key: string) {
  await db.delete(rateCounters).where(eq(rateCounters.key, key));
}

async function upsertHits(db: Db | Tx, keys: string[], now: Date, windowMs: number): Promise<Map<string, number>> {
  if (!Number.isInteger(windowMs) || windowMs <= 0) throw new Error('A rate-limit window is a positive number of milliseconds.');
  const windowStart = windowStartOf(now, windowMs);
  const expiresAt = new Date(windowStart.getTime() + windowMs);
  // Sorted, so two requests on the same keys inside transactions lock the rows in the same order.
  const sorted = [...keys].sort();
  const rows = await db
    .insert(rateCounters)
    .values(sorted.map((key) => ({ key, windowStart, hits: 1, expiresAt })))
    .onConflictDoUpdate({ target: [rateCounters.key, rateCounters.windowStart], set: { hits: sql`${rateCounters.hits} + 1` } })
    .returning({ key: rateCounters.key, hits: rateCounters.hits });
  return new Map(rows.map((r) => [r.key, r.hits]));
}

/** Past windows say nothing any more; deleting them at most once a minute per handle keeps the table small without a job. */
const lastPrune = new WeakMap<object, number>();
async function prune(db: Db | Tx, now: Date) {
  const last = lastPrune.get(db);
  if (last !== undefined && Math.abs(now.getTime() - last) < 60_000) return;
  lastPrune.set(db, now.getTime());
  await db.delete(rateCounters).where(lt(rateCounters.expiresAt, now));
}

/**
 * The client's address. Behind a proxy or load balancer (`trustProxy`), the right-most entry of
 * X-Forwarded-For: the one the proxy added for the connection it received. Entries to the left
 * were written by the client and prove nothing. Without `trustProxy`, the socket's own address,
 * because a client can forge the header.
 */
export function clientAddress(deps: Pick<Deps, 'trustProxy'>, c: Context): string {
  if (deps.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
    if (forwarded) return forwarded.slice(0, 100);
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

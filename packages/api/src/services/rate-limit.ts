/**
 * Brakes on repeated requests (sign-in attempts, appointment requests), counted in the database
 * so the limit holds across every server process, not per process.
 */
import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Deps } from '../context.js';
import type { Db } from '../db/client.js';
import { attempts } from '../db/schema-accounts.js';

/** Whether any key already has its maximum of hits within the window. */
export async function overLimit(db: Db, keys: [key: string, max: number][], now: Date, windowMs: number): Promise<boolean> {
  const since = new Date(now.getTime() - windowMs);
  for (const [key, max] of keys) {
    const [row] = await db.select({ n: count() }).from(attempts).where(and(eq(attempts.key, key), gt(attempts.at, since)));
    if (Number(row?.n ?? 0) >= max) return true;
  }
  return false;
}

export async function recordHits(db: Db, keys: string[], now: Date, windowMs: number) {
  await db.insert(attempts).values(keys.map((key) => ({ key, at: now })));
  // Old hits say nothing any more; pruning here keeps the table small without a job.
  await db.delete(attempts).where(lt(attempts.at, new Date(now.getTime() - 2 * windowMs)));
}

export async function clearHits(db: Db, key: string) {
  await db.delete(attempts).where(eq(attempts.key, key));
}

/**
 * The client's address. Behind a proxy or load balancer (`trustProxy`), the first hop of
 * X-Forwarded-For; otherwise the socket's own address, because a client can forge the header.
 */
export function clientAddress(deps: Pick<Deps, 'trustProxy'>, c: Context): string {
  if (deps.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

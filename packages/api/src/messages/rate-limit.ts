/**
 * A small in-memory limit on repeated requests (per process). Enough to stop a script from
 * flooding an organisation's staff mailbox; behind several processes the limit is per process.
 */
import type { Context } from 'hono';
import type { Clock } from '../context.js';

export interface RateLimiter {
  /** Whether one more request under `key` is allowed now. */
  allowed(key: string): boolean;
  /** Counts one request under `key`. */
  hit(key: string): void;
}

export function createRateLimiter(opts: { limit: number; windowMs: number; clock: Clock; maxKeys?: number }): RateLimiter {
  const hits = new Map<string, number[]>();
  const maxKeys = opts.maxKeys ?? 10_000;
  const recent = (key: string, now: number) => (hits.get(key) ?? []).filter((t) => t > now - opts.windowMs);
  return {
    allowed(key) {
      const now = opts.clock().getTime();
      const list = recent(key, now);
      if (list.length) hits.set(key, list);
      else hits.delete(key);
      return list.length < opts.limit;
    },
    hit(key) {
      const now = opts.clock().getTime();
      if (hits.size >= maxKeys) {
        // Forget clients whose window is over; if all are recent, forget the oldest ones.
        for (const [k, v] of hits) if (!v.some((t) => t > now - opts.windowMs)) hits.delete(k);
        for (const k of hits.keys()) {
          if (hits.size < maxKeys) break;
          hits.delete(k);
        }
      }
      hits.set(key, [...recent(key, now), now]);
    },
  };
}

/**
 * The client's address: the first hop of X-Forwarded-For (the server runs behind a proxy or load
 * balancer that sets it), else the socket's address from the Node adapter. Without a trusted
 * proxy a client can forge the header; the limit is a brake, not a security boundary.
 */
export function clientIp(c: Context): string {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (forwarded) return forwarded;
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

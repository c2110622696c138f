/**
 * CORS per organisation: the public API answers cross-origin requests only from the origins an
 * organisation allowed (and the server's own). A write from any other origin is refused.
 */
import { eq } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import type { Deps } from '../context.js';
import { activities, offers, organisations, registrations } from '../db/schema.js';
import { ApiError, errorBody } from '../errors.js';
import { isUuid } from '../services/activities.js';

/** The organisation a public path belongs to, by its first two segments. */
async function allowedOriginsFor(deps: Deps, path: string): Promise<string[]> {
  const [, kind, key] = path.split('/');
  if (!kind || !key) return [];
  const { db } = deps;
  let rows: { origins: string[] }[] = [];
  if (kind === 'organisations') {
    rows = await db.select({ origins: organisations.allowedOrigins }).from(organisations).where(eq(organisations.slug, key));
  } else if (kind === 'activities' && isUuid(key)) {
    rows = await db
      .select({ origins: organisations.allowedOrigins })
      .from(activities)
      .innerJoin(organisations, eq(organisations.id, activities.organisationId))
      .where(eq(activities.id, key));
  } else if (kind === 'offers') {
    rows = await db
      .select({ origins: organisations.allowedOrigins })
      .from(offers)
      .innerJoin(registrations, eq(registrations.id, offers.registrationId))
      .innerJoin(activities, eq(activities.id, registrations.activityId))
      .innerJoin(organisations, eq(organisations.id, activities.organisationId))
      .where(eq(offers.token, key));
  } else if (kind === 'registrations') {
    rows = await db
      .select({ origins: organisations.allowedOrigins })
      .from(registrations)
      .innerJoin(activities, eq(activities.id, registrations.activityId))
      .innerJoin(organisations, eq(organisations.id, activities.organisationId))
      .where(eq(registrations.token, key));
  }
  return rows[0]?.origins ?? [];
}

export function organisationCors(deps: Deps, basePath: string): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (!origin) return next();
    // The page's own server: PUBLIC_URL, or the address the browser used for this very request
    // (a browser sends the Origin it runs on and the Host it connects to; a same-origin page matches).
    const own = [deps.publicOrigin.replace(/\/$/, ''), new URL(c.req.url).origin];
    const path = c.req.path.slice(basePath.length);
    const publicDoc = path === '/openapi.json';
    const allowed = own.includes(origin) || publicDoc || (await allowedOriginsFor(deps, path)).includes(origin);
    const method = c.req.method;
    if (method === 'OPTIONS') {
      if (!allowed) {
        const e = new ApiError(403, 'origin_not_allowed', `The site ${origin} may not use this organisation's registrations. Ask the organisation to add it.`);
        return c.json(errorBody(e), 403);
      }
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': 'GET, POST',
          // Instap-Proof: the widget's solved challenge when an address or activity is busy (services/bulk-guard.ts).
          'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key, Instap-Proof',
          'Access-Control-Max-Age': '600',
          Vary: 'Origin',
        },
      });
    }
    if (!allowed && method !== 'GET' && method !== 'HEAD') {
      throw new ApiError(403, 'origin_not_allowed', `The site ${origin} may not register for this organisation. Ask the organisation to add it.`);
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      // A 428's fresh challenge and a 429's wait must reach the widget's code.
      c.res.headers.set('Access-Control-Expose-Headers', 'Instap-Challenge, Retry-After');
    }
  };
}

/** Shared pieces for route definitions: the error responses every route may give, and the app factory. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { errorBodySchema } from '@instap/core';
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../context.js';
import { issuesFromZod, validationError } from '../errors.js';

export const jsonError = (description: string) => ({ content: { 'application/json': { schema: errorBodySchema } }, description });

export const errors = {
  400: jsonError('The request could not be read (malformed JSON).'),
  404: jsonError('Not found.'),
  409: jsonError('Not possible now (for example: registration is closed).'),
  413: jsonError('The request body is too large.'),
  422: jsonError('Some fields need a change; `issues` lists them by path.'),
} as const;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
export const body = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

/** Routers share one validation answer: a 422 that lists every field path. */
export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(issuesFromZod(result.error as never));
    },
  });
}

/**
 * The origin links point to: the configured public URL (PUBLIC_URL), and only that. The request's
 * own URL is deliberately not used: its host comes from the Host header, which a client writes,
 * so a link built from it could send a family or an admin to another site.
 */
export const originOf = (deps: Pick<Deps, 'publicOrigin'>, _requestUrl?: string) => deps.publicOrigin.replace(/\/$/, '');

/**
 * A PATCH changes only what it sends: the parsed body keeps only the keys the client wrote
 * (a schema default, e.g. `allowedOrigins: []`, must never reach the database as a change).
 * `nested` keys are objects patched field by field in the same way.
 */
export async function sentOnly<T extends Record<string, unknown>>(c: Context, parsed: T, nested: string[] = []): Promise<T> {
  const raw: unknown = await c.req.json().catch(() => ({}));
  const pick = (p: Record<string, unknown>, r: unknown, deep: boolean): Record<string, unknown> => {
    if (!r || typeof r !== 'object' || Array.isArray(r)) return {};
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p)) {
      if (!Object.prototype.hasOwnProperty.call(r, k)) continue;
      const sent = (r as Record<string, unknown>)[k];
      out[k] = deep && nested.includes(k) && v && typeof v === 'object' && !Array.isArray(v) ? pick(v as Record<string, unknown>, sent, false) : v;
    }
    return out;
  };
  return pick(parsed, raw, true) as T;
}

/** Every write from the widget may carry one: a retried request with the same key gets the first answer. */
export const idempotencyHeader = z.object({
  'idempotency-key': z.string().max(200).optional().openapi({ description: 'A retried request with the same key returns the first answer.' }),
});

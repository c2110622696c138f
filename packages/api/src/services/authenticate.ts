/**
 * Who is calling the admin API, and may they call this route: an API token
 * (`Authorization: Bearer …`, for scripts) or a signed-in person (the `instap_session` cookie).
 * Cookie-authenticated writes must carry the session's CSRF token; bearer requests need none,
 * because a browser never adds that header by itself.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Actor, ActorRole, Deps } from '../context.js';
import { ApiError } from '../errors.js';
import { actorForUser, SESSION_COOKIE, sessionForToken, type SessionRow, type UserRow } from './accounts.js';
import { actorForToken } from './auth.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function authenticate(deps: Deps, c: Context): Promise<Actor | null> {
  const header = c.req.header('authorization') ?? '';
  const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
  if (token) return authorize(c, await actorForToken(deps.db, token));
  const signedIn = await currentSession(deps, c);
  if (!signedIn) return null;
  checkCsrf(deps, c, signedIn.session);
  return authorize(c, actorForUser(signedIn.user));
}

/** The session behind the request's cookie, if it is still valid. */
export async function currentSession(deps: Deps, c: Context): Promise<{ session: SessionRow; user: UserRow } | null> {
  const cookie = getCookie(c, SESSION_COOKIE);
  return cookie ? sessionForToken(deps.db, cookie, deps.clock()) : null;
}

/** The server's own origin (PUBLIC_URL): where links point. */
export const ownOrigin = (deps: Deps, _c?: Context) => deps.publicOrigin.replace(/\/$/, '');

/** A write from another site is refused even before the token is compared (defence in depth). */
export function checkOrigin(deps: Deps, c: Context) {
  if (SAFE_METHODS.has(c.req.method)) return;
  const origin = c.req.header('origin');
  if (origin && origin !== ownOrigin(deps, c) && origin !== new URL(c.req.url).origin)
    throw new ApiError(403, 'csrf_failed', 'This request came from another site. Open the console itself and try again.');
}

/** Double submit: the value from GET /session must come back in X-CSRF-Token on every write. */
export function checkCsrf(deps: Deps, c: Context, session: SessionRow) {
  if (SAFE_METHODS.has(c.req.method)) return;
  checkOrigin(deps, c);
  const sent = Buffer.from(c.req.header('x-csrf-token') ?? '');
  const expected = Buffer.from(session.csrfToken);
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected))
    throw new ApiError(403, 'csrf_failed', 'Reload the page and try again (the X-CSRF-Token header is missing or old).');
}

// ——— What each role may call ———
type Rule = readonly [method: string, path: RegExp];
const seg = '[^/]+';
const rule = (method: string, path: string): Rule => [method, new RegExp(`^${path.replace(/\{\w+\}/g, seg)}$`)];

/**
 * Intermediaries get an allow-list: a new admin endpoint stays closed to them until someone
 * decides they need it. The handlers then check the organisation (assertCanManage) and, for
 * registrations, that the family is one the intermediary registered.
 */
const INTERMEDIARY_MAY: Rule[] = [
  rule('GET', '/organisations'),
  rule('GET', '/organisations/{slug}/activities'),
  rule('GET', '/activities/{id}'),
  rule('GET', '/activities/{id}/registrations'),
  rule('POST', '/activities/{id}/registrations'),
  rule('POST', '/registrations/{id}/cancel'),
  rule('GET', '/organisations/{slug}/referral-links'),
  rule('POST', '/organisations/{slug}/referral-links'),
  rule('POST', '/users/me/password'),
];

/** Organisation staff do the daily work, but do not manage accounts, API tokens or the organisation's settings. */
const STAFF_MAY_NOT: Rule[] = [
  rule('*', '/users'),
  rule('*', '/users/{id}'),
  rule('*', '/organisations/{slug}/api-tokens'),
  rule('*', '/organisations/{slug}/api-tokens/{id}'),
  rule('*', '/api-tokens'),
  rule('*', '/api-tokens/{id}'),
  rule('PATCH', '/organisations/{slug}'),
  // Credentials and where families are sent: an admin's decision (the booking URL is checked in messages.ts).
  rule('PUT', '/organisations/{slug}/uitpas'),
];

const matches = (rules: Rule[], method: string, path: string) => rules.some(([m, re]) => (m === '*' || m === method) && re.test(path));

export function mayCall(role: ActorRole, method: string, adminPath: string): boolean {
  if (role === 'intermediary') return matches(INTERMEDIARY_MAY, method, adminPath);
  if (role === 'organisation-staff') return !matches(STAFF_MAY_NOT, method, adminPath);
  return true;
}

function authorize(c: Context, actor: Actor | null): Actor | null {
  if (!actor) return null;
  const path = c.req.path.replace(/^.*?\/admin(?=\/|$)/, '').replace(/\/$/, '') || '/';
  if (!mayCall(actor.role, c.req.method === 'HEAD' ? 'GET' : c.req.method, path))
    throw new ApiError(403, 'forbidden', 'Your role cannot do this. Ask an admin of your organisation.');
  return actor;
}

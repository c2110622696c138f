/**
 * Signing in and out of the console, at /api/v1/session: e-mail and password, or a one-time
 * link by e-mail. The session lives in an HttpOnly cookie; GET answers who is signed in and the
 * CSRF token the console sends back on every write.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { eq } from 'drizzle-orm';
import type { Deps } from '../context.js';
import { cities, organisations } from '../db/schema.js';
import { ApiError, logLine } from '../errors.js';
import {
  SESSION_COOKIE,
  SESSION_MAX_MS,
  checkPassword,
  createSession,
  createSignInLink,
  endSession,
  findUserByEmail,
  linkKeys,
  mailSignInLink,
  passwordKeys,
  rateLimit,
  rightPassword,
  redeemSignInLink,
  signInUrl,
  type SessionRow,
  type UserRow,
} from '../services/accounts.js';
import { checkCsrf, checkOrigin, currentSession, ownOrigin } from '../services/authenticate.js';
import { clientAddress } from '../services/rate-limit.js';
import { body, errors, json, router } from './openapi.js';

const roleSchema = z.enum(['city-admin', 'organisation-admin', 'organisation-staff', 'intermediary']);
export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  city: z.object({ slug: z.string(), name: z.string() }),
  organisation: z.object({ slug: z.string(), name: z.string() }).nullable(),
});
const sessionSchema = z.object({ user: sessionUserSchema, csrfToken: z.string(), expiresAt: z.string() });
const email = z.string().trim().min(1, 'Fill in your e-mail address.').max(254).email('Give an e-mail address like naam@club.be.');
const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export async function sessionUserView(deps: Deps, user: UserRow) {
  const [city] = await deps.db.select().from(cities).where(eq(cities.id, user.cityId));
  const [org] = user.organisationId ? await deps.db.select().from(organisations).where(eq(organisations.id, user.organisationId)) : [];
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    city: { slug: city!.slug, name: city!.name },
    organisation: org ? { slug: org.slug, name: org.name } : null,
  };
}

function isHttps(deps: Deps, c: Context) {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (deps.trustProxy && c.req.header('x-forwarded-proto') === 'https') return true;
  return deps.publicOrigin.startsWith('https:');
}

export function sessionRoutes(deps: Deps) {
  const app = router();
  const { db, clock } = deps;

  const defer =
    deps.defer ??
    ((work: () => Promise<void>) =>
      void setImmediate(() => work().catch((err) => console.error(logLine(err)))));

  /** Makes and sends the link when the address has a live account; the url, or null. */
  async function issueLink(address: string, now: Date): Promise<string | null> {
    const user = await findUserByEmail(db, address);
    if (!user || user.disabledAt) return null;
    const { token, expiresAt } = await createSignInLink(db, user, now);
    const origin = ownOrigin(deps);
    const url = signInUrl(origin, token);
    if (deps.sendSignInLink) {
      await deps.sendSignInLink({ to: user.email, name: user.name, url, expiresAt });
      return url;
    }
    // The outbox: the SMTP sender mails it, or the dev mailbox shows it.
    const queued = await mailSignInLink(db, user, { token, expiresAt }, { now, publicOrigin: origin, secretKey: deps.secretKey });
    if (!queued) console.warn('A sign-in link was asked for by an account without an organisation: the outbox cannot hold it, so it was not sent.');
    return url;
  }

  async function startSession(c: Context, user: UserRow) {
    const { token, session } = await createSession(db, user, clock());
    // Lax, not Strict: a staff member who follows a link to the console from their mail stays signed in.
    setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: isHttps(deps, c), path: '/', maxAge: SESSION_MAX_MS / 1000 });
    return view(user, session);
  }
  const view = async (user: UserRow, session: SessionRow) => ({ user: await sessionUserView(deps, user), csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/session',
      tags: ['session'],
      summary: 'Who is signed in, with the CSRF token for writes',
      responses: { 200: json(sessionSchema, 'Signed in.'), 401: json(errorSchema, 'Not signed in.') },
    }),
    async (c) => {
      const signedIn = await currentSession(deps, c);
      if (!signedIn) throw new ApiError(401, 'unauthorized', 'You are not signed in.');
      c.header('Cache-Control', 'no-store');
      return c.json(await view(signedIn.user, signedIn.session), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/session',
      tags: ['session'],
      summary: 'Sign in with e-mail and password',
      request: { body: body(z.object({ email, password: z.string().min(1, 'Fill in your password.').max(200) })) },
      responses: { 200: json(sessionSchema, 'Signed in; the session cookie is set.'), 401: json(errorSchema, 'Wrong e-mail or password.'), 429: json(errorSchema, 'Too many attempts.'), ...errors },
    }),
    async (c) => {
      // A sign-in from another site would sign a person into the attacker's account (login CSRF).
      checkOrigin(deps, c);
      const { email: address, password } = c.req.valid('json');
      const now = clock();
      const keys = passwordKeys(address, clientAddress(deps, c));
      await rateLimit(db, keys.all, now);
      const user = await checkPassword(db, address, password);
      if (!user) {
        throw new ApiError(401, 'invalid_credentials', 'The e-mail address or the password is not right. Check them, or ask for a sign-in link.');
      }
      await rightPassword(db, keys, now);
      c.header('Cache-Control', 'no-store');
      return c.json(await startSession(c, user), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/session/link',
      tags: ['session'],
      summary: 'Send a one-time sign-in link by e-mail (valid 15 minutes)',
      request: { body: body(z.object({ email })) },
      responses: {
        202: json(z.object({ message: z.string(), devLink: z.string().optional() }), 'Sent, if the address has an account (the answer is the same either way).'),
        429: json(errorSchema, 'Too many requests.'),
        ...errors,
      },
    }),
    async (c) => {
      checkOrigin(deps, c);
      const { email: address } = c.req.valid('json');
      const now = clock();
      await rateLimit(db, linkKeys(address, clientAddress(deps, c)), now);
      const message = 'If this address has an account, a sign-in link is on its way. It works once, for 15 minutes.';
      // Development: the answer carries the link, so the work happens before it (timing does not matter there).
      if (deps.exposeSignInLinks) {
        const url = await issueLink(address, now);
        return c.json(url && !deps.sendSignInLink ? { message, devLink: url } : { message }, 202);
      }
      // Production: the answer is the same, and as fast, for every address; the lookup and the
      // mail happen after it (a known and an unknown address differ only out of sight).
      defer(() => issueLink(address, now).then(() => undefined));
      return c.json({ message }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/session/link/redeem',
      tags: ['session'],
      summary: 'Sign in with the token from a sign-in link (once)',
      request: { body: body(z.object({ token: z.string().min(1).max(100) })) },
      responses: { 200: json(sessionSchema, 'Signed in; the session cookie is set.'), 401: json(errorSchema, 'The link is used, expired or unknown.'), ...errors },
    }),
    async (c) => {
      // The link opens the console, which posts the token: a mail scanner that fetches the link does not use it up.
      checkOrigin(deps, c);
      const user = await redeemSignInLink(db, c.req.valid('json').token, clock());
      if (!user) throw new ApiError(401, 'link_not_valid', 'This sign-in link was already used or is older than 15 minutes. Ask for a new one.');
      c.header('Cache-Control', 'no-store');
      return c.json(await startSession(c, user), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/session',
      tags: ['session'],
      summary: 'Sign out',
      responses: { 204: { description: 'Signed out; the cookie is cleared.' }, 403: json(errorSchema, 'CSRF token missing.') },
    }),
    async (c) => {
      const signedIn = await currentSession(deps, c);
      if (signedIn) {
        checkCsrf(deps, c, signedIn.session);
        await endSession(db, getCookie(c, SESSION_COOKIE)!);
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(deps, c) });
      return c.body(null, 204);
    },
  );

  return app;
}
